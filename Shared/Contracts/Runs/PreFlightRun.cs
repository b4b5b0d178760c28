namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Step command: check the plan and the database, claim the single active-run slot, resolve the run's sessions.</summary>
public sealed record PreFlightRun(Guid RunId, Guid PlanId, string RequestedBy, bool SkipLowConfidence, int BatchSize, bool DryRun)
    : IRunMessage;
