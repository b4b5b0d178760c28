namespace AspireMigration.Executor.Recovery;

/// <summary>
/// The run a start request leads to: the one it started, or the one its idempotency key had started already, and then
/// <see cref="SameRequest"/> whether that first request asked for the same settings. <see cref="Sent"/>: false when the
/// broker refused the StartRun, which the reconciler then sends.
/// </summary>
public sealed record StartOutcome(Guid RunId, bool SameRequest, bool Sent);
