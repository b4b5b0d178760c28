namespace AspireMigration.Shared.Contracts.Runs;

public sealed record RollbackCompleted(Guid RunId, int Restored, int Conflicts) : IRunMessage;
