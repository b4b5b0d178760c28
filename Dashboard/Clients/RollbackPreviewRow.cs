namespace AspireMigration.Dashboard.Clients;

/// <summary>One migrated session: what it holds now, what the run wrote, what the backup holds; Action: restore | already_original | conflict.</summary>
public sealed record RollbackPreviewRow(Guid SessionId, Guid? CurrentProjectId, Guid? TargetProjectId, Guid? OriginalProjectId, string Action);
