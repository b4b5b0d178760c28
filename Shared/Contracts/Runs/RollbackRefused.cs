namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>The rollback could not start (another run active, the backup unusable) and changed nothing.</summary>
public sealed record RollbackRefused(Guid RunId, Guid RollbackId, string Reason) : IRunMessage;
