namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>The retried run could not take its claim back (another run holds the database): it fails again with why.</summary>
public sealed record ReclaimRefused(Guid RunId, string Reason) : IRunMessage;
