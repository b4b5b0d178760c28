using AspireMigration.Executor.Persistence;

namespace AspireMigration.Executor.Saga;

/// <summary>The persisted state of one run (stored as jsonb in backfill.run_sagas).</summary>
public sealed class MigrationRunState : IPersistedSaga
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";

    public Guid PlanId { get; set; }
    public string RequestedBy { get; set; } = "";
    public bool SkipLowConfidence { get; set; }
    public int BatchSize { get; set; }
    public bool DryRun { get; set; }

    public int Included { get; set; }
    public int Skipped { get; set; }
    public int TotalBatches { get; set; }

    /// <summary>The next batch number to hand out; batches are dispatched a window at a time so pause takes effect.</summary>
    public int NextBatch { get; set; } = 1;

    /// <summary>Batches whose completion was counted: a redelivered BatchCompleted must not count twice.</summary>
    public List<int> CompletedBatches { get; set; } = [];

    public int Migrated { get; set; }
    public int SkippedChanged { get; set; }
    public int RolledBack { get; set; }
    public int Conflicts { get; set; }

    public bool CancelRequested { get; set; }
    public string? BackupTable { get; set; }
    public string? Reason { get; set; }
    public List<string> Warnings { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
