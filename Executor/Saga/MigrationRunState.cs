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

    /// <summary>Why the run failed or was rolled back automatically.</summary>
    public string? Reason { get; set; }

    /// <summary>The rollback under way or last done: its id makes a redelivered RestoreRun report instead of restoring twice.</summary>
    public Guid? RollbackId { get; set; }
    public string? RollbackRequestedBy { get; set; }
    public bool RollbackForce { get; set; }

    /// <summary>Where a refused operator rollback returns to (Completed, Failed or Paused), with its reason untouched.</summary>
    public string? StateBeforeRollback { get; set; }

    /// <summary>Why the last rollback failed; a later rollback that completes clears it.</summary>
    public string? RollbackError { get; set; }
    public List<string> Warnings { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
