namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <param name="Decision">exclude, include or assign.</param>
/// <param name="TargetProjectId">Required for assign (an active project), absent otherwise.</param>
public sealed record DecisionRequest(string? Decision, Guid? TargetProjectId = null);
