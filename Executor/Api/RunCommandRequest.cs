namespace AspireMigration.Executor.Api;

/// <summary>The optional body of pause/resume/cancel/rollback: who asks, and for rollback whether to force.</summary>
public sealed record RunCommandRequest(string? RequestedBy, bool Force = false);
