namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>The optional body of pause/resume/cancel/rollback: for rollback, whether to force over conflicts.</summary>
public sealed record RunCommandRequest(bool Force = false);
