namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// A message about one run. The Executor correlates it to the run's saga and scopes its log lines by
/// <see cref="RunId"/> from this alone, so a new run message needs no wiring of its own.
/// </summary>
public interface IRunMessage
{
    Guid RunId { get; }
}
