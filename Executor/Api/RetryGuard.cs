using AspireMigration.Executor.Saga;

namespace AspireMigration.Executor.Api;

/// <summary>
/// Refuses a retry that could only fail: a run that did not fail on a batch after its backup, a backup no longer usable, or
/// another run holding the database. The retried saga takes the run's claim back itself (<c>ReclaimRun</c>).
/// </summary>
public sealed class RetryGuard(RollbackGuard rollbackGuard)
{
    public const string NotRetryable = "Cannot retry this run";

    public async Task<CommandRefusal?> RefuseAsync(MigrationRunState run, CancellationToken cancellationToken) =>
        RunRetry.Allows(run)
            ? await rollbackGuard.RefuseAsync(run.CorrelationId, cancellationToken)
            : new(NotRetryable, $"Run {run.CorrelationId} is {run.CurrentState}{(run.Reason is null ? "" : $" ({run.Reason})")}; only "
                + "a run a batch failed after its backup, whose rollback neither ran nor failed, can be retried.");
}
