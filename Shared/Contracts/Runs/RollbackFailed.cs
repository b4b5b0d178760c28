namespace AspireMigration.Shared.Contracts.Runs;

public sealed record RollbackFailed(Guid RunId, string Reason);
