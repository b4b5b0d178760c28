using AspireMigration.Executor.Pacing;

namespace AspireMigration.UnitTests.Executor;

/// <summary>A health probe whose replication lag the test sets: over 5 s it trips.</summary>
public sealed class ScriptedHealthProbe(TimeProvider clock) : IDatabaseHealthProbe
{
    public double LagSeconds { get; set; }

    public Task<DatabaseHealth> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new DatabaseHealth([new HealthIndicator("replication lag", LagSeconds, 5, "s")], clock.GetUtcNow()));
}
