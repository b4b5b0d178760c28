namespace AspireMigration.Shared.Contracts.Runs;

public sealed record ResumeRun(Guid RunId, string RequestedBy) : IRunRequest;
