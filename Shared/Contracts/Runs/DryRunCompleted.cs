namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>What the run would have done: "would change" counts and the validation outcome.</summary>
public sealed record DryRunCompleted(
    Guid RunId, int TotalBatches, int WouldMigrate, int WouldSkipChanged, IReadOnlyList<string> ValidationFailures) : IRunMessage;
