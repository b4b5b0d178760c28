namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// Sends a run that failed on a batch its batches again (those not in the ledger) and lets it go on to validation.
/// Safe because the ledger applies each batch once: a batch already committed only reports again.
/// </summary>
public sealed record RetryRun(Guid RunId, string RequestedBy) : IRunRequest;
