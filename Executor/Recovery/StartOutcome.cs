namespace AspireMigration.Executor.Recovery;

/// <summary>
/// The run a start request leads to: <see cref="Repeated"/> when its idempotency key had started it already, and then
/// <see cref="SameRequest"/> whether that first request asked for the same run.
/// </summary>
public sealed record StartOutcome(Guid RunId, bool Repeated, bool SameRequest);
