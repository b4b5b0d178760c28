namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>A StartRun refused before anything changed, e.g. because another run is active.</summary>
public sealed record RunRejected(Guid RunId, Guid PlanId, string Reason) : IRunMessage;
