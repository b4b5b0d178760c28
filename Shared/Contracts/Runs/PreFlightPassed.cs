namespace AspireMigration.Shared.Contracts.Runs;

public sealed record PreFlightPassed(Guid RunId, int Included, int Skipped, int TotalBatches, IReadOnlyList<string> Warnings) : IRunMessage;
