namespace AspireMigration.Shared.Contracts.Runs;

public sealed record PreFlightFailed(Guid RunId, string Reason) : IRunMessage;
