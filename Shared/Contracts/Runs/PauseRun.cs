namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Stops dispatching further batches; batches already handed out still finish.</summary>
public sealed record PauseRun(Guid RunId, string RequestedBy) : IRunRequest;
