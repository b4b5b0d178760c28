namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>The body of a 202 Accepted: the run the command went to; its Location header points at the run.</summary>
public sealed record RunAccepted(Guid RunId);
