using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Persistence;
using AspireMigration.Shared.Contracts.Runs;

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

    /// <summary>The first item ordinal no batch has covered yet: batches are ordinal ranges decided at dispatch.</summary>
    public int NextOrdinal { get; set; } = 1;

    /// <summary>Batches handed out whose completion was not counted yet, with their ranges: what a resend sends again, unchanged.</summary>
    public List<BatchRange> Outstanding { get; set; } = [];

    public RunPacing Pacing { get; set; } = RunPacing.Fixed;

    /// <summary>The size of the next batch: BatchSize when fixed, else adapted from <see cref="MsPerSession"/>.</summary>
    public int CurrentBatchSize { get; set; }

    /// <summary>Smoothed milliseconds per session of the completed batches (adaptive pacing).</summary>
    public double? MsPerSession { get; set; }

    /// <summary>Why the run holds its batches back (a tripped indicator, a closed window, the rate cap); null when it does not.</summary>
    public string? PacingReason { get; set; }

    /// <summary>The state the dispatch gate holds the run in (Throttled, Waiting), or null.</summary>
    public string? Hold { get; set; }

    /// <summary>When the recheck service sends RecheckPacing: the timer lives here, so it survives the process.</summary>
    public DateTimeOffset? RecheckAt { get; set; }

    /// <summary>Tripped health checks in a row: the exponent of the throttle's backoff.</summary>
    public int Rechecks { get; set; }

    public DatabaseHealth? LastHealth { get; set; }

    /// <summary>Seconds spent Throttled before the current throttle (if any) began.</summary>
    public double ThrottledSeconds { get; set; }
    public DateTimeOffset? ThrottledSince { get; set; }

    /// <summary>The rate cap's origin and the sessions dispatched since: reset whenever dispatch (re)starts.</summary>
    public DateTimeOffset? RateSince { get; set; }
    public long RateSessions { get; set; }

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

    /// <summary>Takes the settings a start asks for: the saga as it takes the run up, the API for a start no saga holds yet.</summary>
    public void Accept(StartRun start) =>
        (PlanId, RequestedBy, SkipLowConfidence, BatchSize, DryRun, Pacing) = (
            start.PlanId, start.RequestedBy, start.SkipLowConfidence, start.BatchSize, start.DryRun, start.Pacing ?? RunPacing.Fixed);
}
