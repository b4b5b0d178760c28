namespace AspireMigration.Executor.Steps;

/// <summary>Action: restore | already_original | conflict.</summary>
public sealed record RollbackPreviewRow(Guid SessionId, Guid? CurrentProjectId, Guid? TargetProjectId, Guid? OriginalProjectId, string Action);
