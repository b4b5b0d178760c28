namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// What an operator asks of a run: its start and every command after it. The Executor's API records each one before it
/// publishes it and the saga's transaction that handles it forgets it, so the reconciler can tell a request the broker
/// lost from one that was handled, and send the lost one again.
/// </summary>
public interface IRunRequest : IRunMessage
{
    string RequestedBy { get; }
}
