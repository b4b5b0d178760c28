using AspireMigration.Executor.Pacing;

namespace AspireMigration.Executor.Tests;

/// <summary>Stands in for the database's health probe: reports the replication lag the test sets (over 5 s trips).</summary>
public sealed class ScriptedHealthProbe : IDatabaseHealthProbe
{
    public bool Lagging { get; set; }

    public Task<DatabaseHealth> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(new DatabaseHealth(
        [new HealthIndicator("replication lag", Lagging ? 30 : 0, 5, "s")], DateTimeOffset.UtcNow));
}
