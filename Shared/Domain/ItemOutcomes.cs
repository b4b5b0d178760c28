namespace AspireMigration.Shared.Domain;

/// <summary>Values of backfill.run_items.outcome: what a run did to one session.</summary>
public static class ItemOutcomes
{
    /// <summary>Included and not yet migrated.</summary>
    public const string Pending = "pending";

    /// <summary>Left out at pre-flight; the item's skip_reason says why.</summary>
    public const string Skipped = "skipped";

    public const string Migrated = "migrated";

    /// <summary>Someone gave the session a project between plan and batch: left as they set it.</summary>
    public const string SkippedChanged = "skipped_changed";

    public const string RolledBack = "rolled_back";

    /// <summary>Changed by someone else since the run wrote it, so a rollback left it alone.</summary>
    public const string Conflict = "conflict";

    /// <summary>Counted by the failure-rate alert (AlertRules.sql) for items a step gives up on; no step of this version writes
    /// it.</summary>
    public const string Failed = "failed";
}
