namespace AspireMigration.Executor.Pacing;

/// <summary>
/// Settings of section "Executor:Health": the threshold of each database health indicator, in the indicator's unit. An
/// indicator trips when its value is over its threshold; an empty value (null) switches that indicator off.
/// </summary>
public sealed class HealthThresholds
{
    public const string Section = "Executor:Health";

    /// <summary>The slowest standby's replay lag, in seconds.</summary>
    public double? ReplicationLagSeconds { get; set; } = 10;

    /// <summary>
    /// WAL the slowest standby has received or not yet, but not replayed, in MB. A standby whose replay stalls shows a
    /// replay lag that grows only while new WAL reaches it; this figure grows with every write on the primary.
    /// </summary>
    public double? UnreplayedWalMegabytes { get; set; } = 256;

    /// <summary>Sessions waiting for a lock while they hold or await one on a target table or a tool table.</summary>
    public double? LockWaits { get; set; } = 0;

    /// <summary>
    /// Age of the oldest open transaction in the target database, idle ones included: an application transaction left
    /// "idle in transaction" holds its locks and keeps vacuum from cleaning up the rows a run rewrites.
    /// </summary>
    public double? OldestTransactionSeconds { get; set; } = 60;

    /// <summary>Vacuums (autovacuum or manual) running on sessions.</summary>
    public double? VacuumsOnSessions { get; set; } = 0;

    /// <summary>Client connections as a share of max_connections, in percent.</summary>
    public double? ConnectionsPercent { get; set; } = 80;
}
