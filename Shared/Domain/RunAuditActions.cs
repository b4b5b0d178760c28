namespace AspireMigration.Shared.Domain;

/// <summary>Values of backfill.run_audit_events.action, as the audit trail records them.</summary>
public static class RunAuditActions
{
    public const string StartRequested = "start_requested";
    public const string PauseRequested = "pause_requested";
    public const string ResumeRequested = "resume_requested";
    public const string CancelRequested = "cancel_requested";
    public const string RollbackRequested = "rollback_requested";
    public const string RetryRequested = "retry_requested";

    /// <summary>An operator changed a run's pacing (details: the new pacing).</summary>
    public const string PacingChanged = "pacing_changed";
    public const string RunRejected = "run_rejected";
    public const string RollbackRefused = "rollback_refused";
    public const string BatchCompleted = "batch_completed";

    /// <summary>A batch the ledger already held: its work was done before, by this or another delivery.</summary>
    public const string BatchRedelivered = "batch_redelivered";

    public const string BatchFailed = "batch_failed";

    /// <summary>The reconciler sent again what a stalled run waits for (details: the state and the commands).</summary>
    public const string Redispatched = "redispatched";

    /// <summary>Prefix of a transition's action, followed by the RunStates name it entered.</summary>
    public const string StatePrefix = "state_";

    public static string State(string state) => StatePrefix + state;
}
