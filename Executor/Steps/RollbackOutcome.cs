using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// A rollback's answer: restored, or refused with nothing changed. Closed, like <see cref="PreFlightOutcome"/>, so
/// the consumer publishes each contract under its own type.
/// </summary>
public abstract record RollbackOutcome
{
    private RollbackOutcome()
    {
    }

    public sealed record Completed(RollbackCompleted Message) : RollbackOutcome;

    public sealed record Refused(RollbackRefused Message) : RollbackOutcome;

    public static implicit operator RollbackOutcome(RollbackCompleted message) => new Completed(message);

    public static implicit operator RollbackOutcome(RollbackRefused message) => new Refused(message);
}
