namespace AspireMigration.Shared.Contracts.Api.Runs;

public sealed record BackupView(
    Guid RunId, string TableName, long RowCount, DateTime CreatedAt, DateTime? DroppedAt, string? DroppedBy, string? RunState,
    DateTime? RunFinishedAt);
