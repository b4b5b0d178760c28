using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Executor.Recovery;

/// <summary>A request the saga has not handled within the stall timeout; <see cref="Last"/>: this is its last send.</summary>
public sealed record UnansweredRequest(Guid MessageId, IRunRequest Request, string State, bool Last);
