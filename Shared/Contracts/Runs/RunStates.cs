namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// The MigrationRun saga's state names, as stored in backfill.run_sagas.current_state and published in
/// RunStateChanged: SQL (alert rules, the reconciler) takes them from here, never typed by hand. A test
/// holds the state machine's states to this list.
/// </summary>
public static class RunStates
{
    /// <summary>
    /// Accepted, not taken up yet: the saga passes through it as it takes the start, and the API shows a start it recorded
    /// that no saga holds yet (its StartRun on its way, or lost and about to be sent again) in it.
    /// </summary>
    public const string Pending = "Pending";

    public const string PreFlight = "PreFlight";
    public const string BackingUp = "BackingUp";
    public const string Migrating = "Migrating";
    public const string Paused = "Paused";

    /// <summary>A database health indicator tripped: nothing is dispatched until it clears (re-checked with backoff).</summary>
    public const string Throttled = "Throttled";

    /// <summary>Before the run's start time or outside its maintenance windows: nothing is dispatched until it opens.</summary>
    public const string Waiting = "Waiting";
    public const string Validating = "Validating";

    /// <summary>An operator retried a run a batch failed: it takes its active-run claim back before its batches go again.</summary>
    public const string Retrying = "Retrying";
    public const string RollingBack = "RollingBack";
    public const string Completed = "Completed";
    public const string RolledBack = "RolledBack";
    public const string Failed = "Failed";
    public const string Cancelled = "Cancelled";

    /// <summary>States in which a step is under way, so the run must make progress by itself.</summary>
    public static readonly string[] InProgress = [PreFlight, BackingUp, Retrying, Migrating, Validating, RollingBack];

    /// <summary>Active states in which the run holds back its own batches and looks again at its RecheckAt.</summary>
    public static readonly string[] Pacing = [Throttled, Waiting];

    /// <summary>States a run does not leave on its own (Completed and Failed still accept an operator rollback).</summary>
    public static readonly string[] Finished = [Completed, RolledBack, Failed, Cancelled];

    /// <summary>Finished states whose run may still hold the active-run claim until its release arrives.</summary>
    public static readonly string[] Released = [Failed, Cancelled];
}
