namespace AspireMigration.Shared.Contracts.Runs;

public sealed record ValidationPassed(Guid RunId) : IRunMessage;
