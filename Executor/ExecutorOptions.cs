namespace AspireMigration.Executor;

/// <summary>Settings of section "Executor".</summary>
public sealed class ExecutorOptions
{
    public const string Section = "Executor";

    /// <summary>A plan older than this is stale: the orphans and their evidence may have moved on since the analysis.</summary>
    public TimeSpan MaxPlanAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a finished run's backup is kept before DELETE /api/backups/{runId} may drop it.</summary>
    public TimeSpan BackupRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Prefixes queue and message exchange names, so several Executors (or test hosts) can share one broker without
    /// sharing a queue or a message.</summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>
    /// The broker deletes this Executor's queues once its last consumer is gone: for benchmarks and throwaway hosts on a
    /// shared broker, never for a real run (its queued steps would go with them). Its prefixed message exchanges stay:
    /// whoever made the prefix deletes them (the benchmarks do).
    /// </summary>
    public bool TemporaryEndpoints { get; set; }

    /// <summary>How often the outbox relay looks for messages it was not woken for (those of a process that died after its
    /// commit).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A run in progress that made no progress for this long is stalled: the reconciler sends again what it waits for.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the reconciler looks for stalled runs.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times a message whose handling failed (a step, or a transition of the saga) is tried again, with exponential
    /// backoff from 100 ms to 5 s, before it faults: a batch that still fails then fails its run. Six retries ride out a
    /// database failover or a dropped connection of about ten seconds.
    /// </summary>
    public int Retries { get; set; } = 6;

    /// <summary>When on, the user who approved a plan cannot start its run (the Dashboard's "Dashboard:FourEyes" twin).</summary>
    public bool FourEyes { get; set; }
}
