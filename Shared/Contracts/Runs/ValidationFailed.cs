namespace AspireMigration.Shared.Contracts.Runs;

public sealed record ValidationFailed(Guid RunId, IReadOnlyList<string> Failures) : IRunMessage;
