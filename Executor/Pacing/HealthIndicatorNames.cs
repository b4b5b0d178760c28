namespace AspireMigration.Executor.Pacing;

/// <summary>The names <see cref="PostgresHealthProbe"/> gives its indicators, as an operator reads them in a throttle reason.</summary>
public static class HealthIndicatorNames
{
    public const string ReplicationLag = "replication lag";
    public const string UnreplayedWal = "unreplayed WAL";
    public const string LockWaits = "lock waits on target tables";
    public const string OldestTransaction = "oldest transaction";
    public const string VacuumOnSessions = "vacuum on sessions";
    public const string Connections = "connections";
}
