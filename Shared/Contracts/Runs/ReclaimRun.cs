namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// Step command: a retried run takes its active-run claim back, so its batches are let in again. The saga sends it once it
/// has left Failed, so a release of the failed run still on its way finds the saga no longer at rest and changes nothing.
/// </summary>
public sealed record ReclaimRun(Guid RunId) : IRunMessage;
