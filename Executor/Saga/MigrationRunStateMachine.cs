using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Saga;

/// <summary>
/// The life of one run: pre-flight -> backup -> batched migrate -> validate, and rollback when
/// validation fails, the operator asks for it or cancels a run that already changed rows. The
/// steps are consumers; this machine only decides what comes next, so it stays fast and retryable.
/// Before each batch it asks the <see cref="DispatchGate"/>: a closed gate holds the run Throttled or Waiting (or, under a
/// rate cap, Migrating) until the RecheckAt it recorded, while the batches already out still complete and count.
/// </summary>
public sealed class MigrationRunStateMachine : MassTransitStateMachine<MigrationRunState>
{
    /// <summary>Batches handed out ahead of completions: enough to keep several replicas busy, few enough that pause stops soon.</summary>
    public const int BatchWindow = 8;

    /// <summary>
    /// Batches out at once under adaptive pacing: one. Its size is what takes the target time, so the run holds one batch's
    /// row locks for about that long and takes one backend of the database; eight such batches at once locked eight times
    /// the rows for as long and, measured with an application arriving at a fixed rate, raised its p99 from 5 ms idle
    /// to 800 ms, where one at a time kept it under 100 ms and the run within 3x its SQL floor.
    /// </summary>
    public const int AdaptiveBatchWindow = 1;

    public const string SystemActor = "executor";

    // Before the base constructor declares the events: they take their correlation from the topology.
    static MigrationRunStateMachine() => RunMessageCorrelation.Declare();

    public MigrationRunStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Initially(
            When(StartRun)
                .Then(ctx =>
                {
                    ctx.Saga.Accept(ctx.Message);
                    ctx.Saga.CreatedAt = DateTimeOffset.UtcNow;
                })
                .TransitionTo(Pending)
                .TransitionTo(PreFlight)
                .Enqueue(ctx => RunCommands.PreFlight(ctx.Saga)));

        During(PreFlight,
            When(PreFlightPassed)
                .Then(ctx =>
                {
                    var s = ctx.Saga;
                    (s.Included, s.Skipped, s.TotalBatches, s.Warnings) =
                        (ctx.Message.Included, ctx.Message.Skipped, ctx.Message.TotalBatches, [.. ctx.Message.Warnings]);
                    s.CurrentBatchSize = s.Pacing.Adaptive ? BatchSizer.Bound(s.BatchSize, s.Pacing) : s.BatchSize;
                })
                .IfElse(ctx => ctx.Saga.CancelRequested,
                    cancel => cancel.Enqueue(ctx => RunCommands.Release(ctx.Saga)).TransitionTo(Cancelled),
                    go => go.IfElse(ctx => ctx.Saga.DryRun,
                        dry => dry.TransitionTo(Migrating).Enqueue(ctx => RunCommands.DryRun(ctx.Saga)),
                        real => real.TransitionTo(BackingUp).Enqueue(ctx => RunCommands.Backup(ctx.Saga)))),
            When(PreFlightFailed).Then(ctx => ctx.Saga.Reason = ctx.Message.Reason).TransitionTo(Failed),
            When(RunRejected).Then(ctx => ctx.Saga.Reason = ctx.Message.Reason).TransitionTo(Failed),
            When(CancelRun).Then(ctx => ctx.Saga.CancelRequested = true),
            FailStep(When(PreFlightFaulted), _ => "Pre-flight"));

        During(PreFlight, BackingUp, Paused,
            When(ChangePacing).Then(ctx => ApplyPacing(ctx.Saga, ctx.Message)));

        During(BackingUp,
            When(BackupCompleted)
                .Then(ctx => ctx.Saga.BackupTable = ctx.Message.TableName)
                .IfElse(ctx => ctx.Saga.CancelRequested,
                    cancel => cancel.Enqueue(ctx => RunCommands.Release(ctx.Saga)).TransitionTo(Cancelled),
                    go => Dispatch(go.TransitionTo(Migrating))),
            When(CancelRun).Then(ctx => ctx.Saga.CancelRequested = true),
            FailStep(When(BackupFaulted), _ => "Backup"));

        During(Migrating,
            Dispatch(When(BatchCompleted).Then(ctx => CountBatch(ctx.Saga, ctx.Message))),
            When(DryRunCompleted)
                // Every batch ran inside the rolled-back transaction: a finished dry run shows 3 of 3 batches done, not 0 of 3.
                .Then(ctx => (ctx.Saga.CompletedBatches, ctx.Saga.Migrated, ctx.Saga.SkippedChanged, ctx.Saga.Reason) =
                    ([.. Enumerable.Range(1, ctx.Message.TotalBatches)], ctx.Message.WouldMigrate, ctx.Message.WouldSkipChanged,
                        ctx.Message.ValidationFailures.Count == 0 ? null : string.Join("; ", ctx.Message.ValidationFailures)))
                .TransitionTo(Completed),
            When(PauseRun, ctx => !ctx.Saga.DryRun).TransitionTo(Paused),
            StartRollback(When(CancelRun, ctx => !ctx.Saga.DryRun).Then(ctx => ctx.Saga.CancelRequested = true),
                ctx => (ctx.Message.RequestedBy, false)),
            FailStep(When(DryRunFaulted), _ => "Dry run"));

        During(Migrating, Throttled, Waiting,
            Dispatch(When(RecheckPacing, ctx => !ctx.Saga.DryRun && ctx.GetServiceOrCreateInstance<DispatchGate>().IsDue(ctx.Saga))),
            Dispatch(When(ChangePacing, ctx => !ctx.Saga.DryRun).Then(ctx => ApplyPacing(ctx.Saga, ctx.Message))));

        // Held back: the batches already out still complete and count; only a recheck dispatches more.
        During(Throttled, Waiting,
            When(BatchCompleted).Then(ctx => CountBatch(ctx.Saga, ctx.Message)).If(ctx => AllBatchesDone(ctx.Saga), StartValidation),
            When(PauseRun).TransitionTo(Paused));

        During(Throttled, Waiting, Paused,
            StartRollback(When(CancelRun).Then(ctx => ctx.Saga.CancelRequested = true), ctx => (ctx.Message.RequestedBy, false)),
            StartRollback(When(RollbackRun), ctx => (ctx.Message.RequestedBy, ctx.Message.Force)));

        WhenEnter(Throttled, binder => binder.Then(ctx => ctx.Saga.ThrottledSince = ctx.GetServiceOrCreateInstance<DispatchGate>().Now));
        WhenLeave(Throttled, binder => binder.Then(ctx =>
        {
            var s = ctx.Saga;
            var throttled = (ctx.GetServiceOrCreateInstance<DispatchGate>().Now - s.ThrottledSince) ?? TimeSpan.Zero;
            s.ThrottledSeconds += throttled.TotalSeconds;
            s.ThrottledSince = null;
            ctx.GetServiceOrCreateInstance<ExecutorMetrics>().RecordThrottled(throttled);
        }));

        During(Paused,
            When(BatchCompleted).Then(ctx => CountBatch(ctx.Saga, ctx.Message)),
            // Batches whose completion never came (lost, or their Executor died) are sent again with the new ones.
            Dispatch(When(ResumeRun).TransitionTo(Migrating).ThenAsync(RedispatchOutstanding)));

        During(Migrating, Paused, Throttled, Waiting,
            FailStep(When(BatchFaulted), fault => $"Batch {fault.Message.BatchNumber}"));

        During(Validating,
            When(ValidationPassed).TransitionTo(Completed),
            StartRollback(When(ValidationFailed).Then(
                ctx => ctx.Saga.Reason = "Validation failed: " + string.Join("; ", ctx.Message.Failures)),
                _ => (SystemActor, false)),
            FailStep(When(ValidationFaulted), _ => "Validation"));

        // A dry run changed nothing, and a run stopped before its backup has nothing to restore.
        During(Completed, Failed,
            StartRollback(When(RollbackRun, ctx => ctx.Saga.BackupTable is not null && !ctx.Saga.DryRun),
                ctx => (ctx.Message.RequestedBy, ctx.Message.Force)));

        // An operator's retry of a run a batch failed: it leaves Failed before it takes its claim back, so a release of the
        // failed run still on its way finds the saga no longer at rest and frees nothing. Once the claim is back, the
        // batches whose completion never came are sent again and the run goes on as after a resume; those the ledger holds
        // only report again.
        During(Failed,
            When(RetryRun, ctx => RunRetry.Allows(ctx.Saga))
                .Then(ctx => (ctx.Saga.Reason, ctx.Saga.FinishedAt) = (null, null))
                .TransitionTo(Retrying)
                .Enqueue(ctx => RunCommands.Reclaim(ctx.Saga)));

        During(Retrying,
            When(BatchCompleted).Then(ctx => CountBatch(ctx.Saga, ctx.Message)),
            Dispatch(When(RunReclaimed).TransitionTo(Migrating).ThenAsync(RedispatchOutstanding)),
            When(ReclaimRefused).Then(ctx => ctx.Saga.Reason = "Retry refused: " + ctx.Message.Reason).TransitionTo(Failed));

        During(RollingBack,
            // Batches that committed before the rollback fence still report; their rows are restored too.
            When(BatchCompleted).Then(ctx => CountBatch(ctx.Saga, ctx.Message)),
            When(RollbackCompleted)
                .Then(ctx => (ctx.Saga.RolledBack, ctx.Saga.Conflicts, ctx.Saga.RollbackError) = (
                    ctx.Message.Restored, ctx.Message.Conflicts, null))
                .IfElse(ctx => ctx.Saga.CancelRequested, cancel => cancel.TransitionTo(Cancelled), done => done.TransitionTo(RolledBack)),
            // Refused before it changed anything: an operator's rollback leaves the run as it was; a rollback the
            // run itself needs (failed validation, cancel) cannot be left undone, so the run fails.
            When(RollbackRefused, ctx => ctx.Message.RollbackId == ctx.Saga.RollbackId)
                .IfElse(ctx => ctx.Saga.StateBeforeRollback == nameof(Completed), back => back.TransitionTo(Completed),
                    other => other.IfElse(ctx => ctx.Saga.StateBeforeRollback == nameof(Failed), back => back.TransitionTo(Failed),
                        notFailed => notFailed.IfElse(
                            ctx => ctx.Saga.StateBeforeRollback is nameof(Paused) or nameof(Throttled) or nameof(Waiting)
                                && !ctx.Saga.CancelRequested,
                            back => back.TransitionTo(Paused),
                            fail => fail.Then(ctx => ctx.Saga.RollbackError = "Rollback failed: " + ctx.Message.Reason)
                                .Enqueue(ctx => RunCommands.Release(ctx.Saga)).TransitionTo(Failed)))),
            When(RestoreFaulted)
                .Then(ctx => ctx.Saga.RollbackError = FailureReason("Rollback", ctx.Message))
                .Enqueue(ctx => RunCommands.Release(ctx.Saga))
                .TransitionTo(Failed));

        WhenEnterAny(binder => binder
            .Then(ctx =>
            {
                var s = ctx.Saga;
                s.UpdatedAt = DateTimeOffset.UtcNow;
                if (IsFinished(s.CurrentState))
                {
                    s.FinishedAt = s.UpdatedAt;
                }
                // The rate cap counts from when dispatch (re)starts: a wait earns no burst afterwards.
                if (s.CurrentState != Migrating.Name)
                {
                    (s.RateSince, s.RateSessions) = (null, 0);
                }
                if (!RunStates.Pacing.Contains(s.CurrentState) && s.CurrentState != Migrating.Name)
                {
                    (s.Hold, s.PacingReason, s.RecheckAt) = (null, null, null);
                }
            })
            // A new instance enters Initial before StartRun's data is copied: nothing has happened yet to tell.
            .If(ctx => ctx.Saga.CurrentState != Initial.Name, tell => tell.Enqueue(ctx => StateChanged(ctx.Saga))));

        // Late or repeated messages (a batch event after a rollback, a second StartRun for the same id)
        // are expected in a distributed run; they must not end in the error queue.
        OnUnhandledEvent(ctx => ctx.Ignore());
    }

    public State Pending { get; private set; } = null!;
    public State PreFlight { get; private set; } = null!;
    public State BackingUp { get; private set; } = null!;
    public State Migrating { get; private set; } = null!;
    public State Validating { get; private set; } = null!;
    public State Retrying { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State RollingBack { get; private set; } = null!;
    public State RolledBack { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Paused { get; private set; } = null!;
    public State Throttled { get; private set; } = null!;
    public State Waiting { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;

    public Event<StartRun> StartRun { get; private set; } = null!;
    public Event<PauseRun> PauseRun { get; private set; } = null!;
    public Event<ResumeRun> ResumeRun { get; private set; } = null!;
    public Event<CancelRun> CancelRun { get; private set; } = null!;
    public Event<RollbackRun> RollbackRun { get; private set; } = null!;
    public Event<RetryRun> RetryRun { get; private set; } = null!;
    public Event<RunReclaimed> RunReclaimed { get; private set; } = null!;
    public Event<ReclaimRefused> ReclaimRefused { get; private set; } = null!;
    public Event<ChangePacing> ChangePacing { get; private set; } = null!;
    public Event<RecheckPacing> RecheckPacing { get; private set; } = null!;
    public Event<PreFlightPassed> PreFlightPassed { get; private set; } = null!;
    public Event<PreFlightFailed> PreFlightFailed { get; private set; } = null!;
    public Event<RunRejected> RunRejected { get; private set; } = null!;
    public Event<BackupCompleted> BackupCompleted { get; private set; } = null!;
    public Event<BatchCompleted> BatchCompleted { get; private set; } = null!;
    public Event<ValidationPassed> ValidationPassed { get; private set; } = null!;
    public Event<ValidationFailed> ValidationFailed { get; private set; } = null!;
    public Event<RollbackCompleted> RollbackCompleted { get; private set; } = null!;
    public Event<RollbackRefused> RollbackRefused { get; private set; } = null!;
    public Event<DryRunCompleted> DryRunCompleted { get; private set; } = null!;
    public Event<Fault<PreFlightRun>> PreFlightFaulted { get; private set; } = null!;
    public Event<Fault<BackupRun>> BackupFaulted { get; private set; } = null!;
    public Event<Fault<MigrateBatch>> BatchFaulted { get; private set; } = null!;
    public Event<Fault<ValidateRun>> ValidationFaulted { get; private set; } = null!;
    public Event<Fault<RestoreRun>> RestoreFaulted { get; private set; } = null!;
    public Event<Fault<DryRunMigration>> DryRunFaulted { get; private set; } = null!;

    /// <summary>States a run does not leave on its own (Completed and Failed still accept an operator rollback).</summary>
    public static bool IsFinished(string state) => RunStates.Finished.Contains(state);

    public static RunStateChanged StateChanged(MigrationRunState s) => new(
        s.CorrelationId, s.PlanId, s.CurrentState,
        s.RollbackError ?? s.Reason ?? (RunStates.Pacing.Contains(s.CurrentState) ? s.PacingReason : null), s.DryRun, s.Included,
        s.Skipped, s.TotalBatches,
        s.CompletedBatches.Count, s.Migrated, s.SkippedChanged, s.RolledBack, s.Conflicts, s.UpdatedAt);

    /// <summary>Every included session was dispatched and every dispatched batch counted.</summary>
    public static bool AllBatchesDone(MigrationRunState s) => s.NextOrdinal > s.Included && s.Outstanding.Count == 0;

    /// <summary>
    /// Dispatches what the gate lets through, then puts the run where the gate left it: validating when nothing is left,
    /// else Throttled, Waiting, or Migrating (also under a rate cap, which only delays).
    /// </summary>
    private EventActivityBinder<MigrationRunState, T> Dispatch<T>(EventActivityBinder<MigrationRunState, T> binder)
        where T : class =>
        binder.ThenAsync(DispatchBatches)
            .IfElse(ctx => AllBatchesDone(ctx.Saga), StartValidation,
                held => held.IfElse(ctx => ctx.Saga.Hold == RunStates.Throttled, throttled => throttled.TransitionTo(Throttled),
                    other => other.IfElse(ctx => ctx.Saga.Hold == RunStates.Waiting, waiting => waiting.TransitionTo(Waiting),
                        go => go.TransitionTo(Migrating))));

    private EventActivityBinder<MigrationRunState, T> StartValidation<T>(EventActivityBinder<MigrationRunState, T> binder)
        where T : class =>
        binder.TransitionTo(Validating).Enqueue(ctx => RunCommands.Validate(ctx.Saga));

    private static void CountBatch(MigrationRunState s, BatchCompleted batch)
    {
        if (s.CompletedBatches.Contains(batch.BatchNumber))
        {
            return;
        }
        s.CompletedBatches.Add(batch.BatchNumber);
        s.Outstanding.RemoveAll(range => range.Number == batch.BatchNumber);
        s.Migrated += batch.Migrated;
        s.SkippedChanged += batch.SkippedChanged;
        var sessions = batch.Migrated + batch.SkippedChanged;
        if (s.Pacing.Adaptive && sessions > 0)
        {
            s.MsPerSession = BatchSizer.Smooth(s.MsPerSession, batch.DurationMs / sessions);
            s.CurrentBatchSize = BatchSizer.Next(s.CurrentBatchSize, s.MsPerSession.Value, s.Pacing);
        }
        EstimateBatches(s);
    }

    private static void ApplyPacing(MigrationRunState s, ChangePacing change)
    {
        s.Pacing = change.Pacing;
        s.BatchSize = change.BatchSize ?? s.BatchSize;
        s.CurrentBatchSize = s.Pacing.Adaptive ? BatchSizer.Bound(s.CurrentBatchSize, s.Pacing) : s.BatchSize;
        (s.RateSince, s.RateSessions) = (null, 0);
        EstimateBatches(s);
    }

    /// <summary>With sizes decided at dispatch, the run's batch count is those handed out so far plus the rest at the current
    /// size.</summary>
    private static void EstimateBatches(MigrationRunState s) =>
        s.TotalBatches = s.NextBatch - 1 + (Math.Max(0, s.Included - s.NextOrdinal + 1) + s.CurrentBatchSize - 1) / s.CurrentBatchSize;

    private static async Task DispatchBatches<T>(BehaviorContext<MigrationRunState, T> context)
        where T : class
    {
        var s = context.Saga;
        var gate = context.GetServiceOrCreateInstance<DispatchGate>();
        (s.Hold, s.PacingReason, s.RecheckAt) = (null, null, null);
        while (s.NextOrdinal <= s.Included && s.Outstanding.Count < (s.Pacing.Adaptive ? AdaptiveBatchWindow : BatchWindow))
        {
            var size = Math.Min(s.CurrentBatchSize, s.Included - s.NextOrdinal + 1);
            var decision = await gate.CheckAsync(s, size, context.CancellationToken);
            if (!decision.Open)
            {
                (s.Hold, s.PacingReason, s.RecheckAt) = (decision.Hold, decision.Reason, decision.RecheckAt);
                break;
            }
            var range = new BatchRange(s.NextBatch, s.NextOrdinal, s.NextOrdinal + size - 1);
            s.Outstanding.Add(range);
            (s.NextBatch, s.NextOrdinal, s.RateSessions) = (s.NextBatch + 1, s.NextOrdinal + size, s.RateSessions + size);
            await context.EnqueueAsync(RunCommands.Batch(s, range));
        }
        EstimateBatches(s);
    }

    private static async Task RedispatchOutstanding<T>(BehaviorContext<MigrationRunState, T> context)
        where T : class
    {
        foreach (var batch in RunCommands.OutstandingBatches(context.Saga))
        {
            await context.EnqueueAsync(batch);
        }
    }

    /// <summary>
    /// Names a new rollback, remembers where the run was (so a refusal can return it there) and sends the
    /// restore; <paramref name="requester"/> says who asked and whether conflicts are overwritten.
    /// </summary>
    private EventActivityBinder<MigrationRunState, T> StartRollback<T>(EventActivityBinder<MigrationRunState, T> binder,
        Func<BehaviorContext<MigrationRunState, T>, (string RequestedBy, bool Force)> requester)
        where T : class =>
        binder.Then(ctx =>
            {
                var (requestedBy, force) = requester(ctx);
                var s = ctx.Saga;
                (s.RollbackId, s.RollbackRequestedBy, s.RollbackForce, s.StateBeforeRollback) = (
                    Guid.CreateVersion7(), requestedBy, force, s.CurrentState);
            })
            .TransitionTo(RollingBack)
            .Enqueue(ctx => RunCommands.Restore(ctx.Saga));

    /// <summary>A step that exhausted its retries: its message is in the error queue, and the run fails with its reason and frees its
    /// claim.</summary>
    private EventActivityBinder<MigrationRunState, Fault<T>> FailStep<T>(
        EventActivityBinder<MigrationRunState, Fault<T>> binder, Func<Fault<T>, string> step)
        where T : class =>
        binder.Then(ctx => ctx.Saga.Reason = FailureReason(step(ctx.Message), ctx.Message))
            .Enqueue(ctx => RunCommands.Release(ctx.Saga))
            .TransitionTo(Failed);

    private static string FailureReason<T>(string step, Fault<T> fault) =>
        $"{step} failed: {fault.Exceptions.FirstOrDefault()?.Message ?? "unknown error"}";
}
