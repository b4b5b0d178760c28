namespace AspireMigration.Executor.Pacing;

/// <summary>
/// Whether the next batch may go now. Closed: <see cref="Hold"/> is the state the run waits in (Throttled, Waiting, or null
/// for a rate cap, which only delays dispatch), <see cref="Reason"/> says why in the operator's words and
/// <see cref="RecheckAt"/> when to look again.
/// </summary>
public sealed record GateDecision(bool Open, string? Hold, string? Reason, DateTimeOffset? RecheckAt)
{
    public static readonly GateDecision Go = new(true, null, null, null);
}
