namespace AspireMigration.Executor.Pacing;

/// <summary>
/// Reads the target database's health indicators in one cheap query, before each dispatch window: a run
/// that would make the application suffer waits instead.
/// </summary>
public interface IDatabaseHealthProbe
{
    Task<DatabaseHealth> ReadAsync(CancellationToken cancellationToken);
}
