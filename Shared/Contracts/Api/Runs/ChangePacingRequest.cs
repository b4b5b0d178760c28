using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>PUT /api/runs/{id}/pacing: the run's new pacing, whole; BatchSize (the fixed or first size) stays when omitted.</summary>
public sealed record ChangePacingRequest(RunPacing Pacing, int? BatchSize = null);
