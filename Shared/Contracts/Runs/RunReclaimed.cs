namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>The retried run holds the active-run claim again: its batches may be sent.</summary>
public sealed record RunReclaimed(Guid RunId) : IRunMessage;
