namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// The time a waiting, throttled or rate-capped run asked to look again has come (sent by the Executor's recheck service).
/// </summary>
public sealed record RecheckPacing(Guid RunId) : IRunMessage;
