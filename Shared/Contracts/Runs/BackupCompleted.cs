namespace AspireMigration.Shared.Contracts.Runs;

public sealed record BackupCompleted(Guid RunId, string TableName, long Rows) : IRunMessage;
