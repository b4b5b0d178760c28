namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>Action: one of <see cref="RollbackAction"/>'s words.</summary>
public sealed record RollbackPreviewRow(
    Guid SessionId, Guid? CurrentProjectId, Guid? TargetProjectId, Guid? OriginalProjectId, string Action);
