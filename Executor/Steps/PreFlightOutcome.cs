using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// Pre-flight's answer: exactly one of the three messages the saga waits for. A closed hierarchy rather than a
/// common base of the contracts, because MassTransit publishes under the compile-time type: the consumer
/// switches over the cases and publishes each contract as itself.
/// </summary>
public abstract record PreFlightOutcome
{
    private PreFlightOutcome()
    {
    }

    public sealed record Passed(PreFlightPassed Message) : PreFlightOutcome;

    public sealed record Failed(PreFlightFailed Message) : PreFlightOutcome;

    public sealed record Rejected(RunRejected Message) : PreFlightOutcome;

    public static implicit operator PreFlightOutcome(PreFlightPassed message) => new Passed(message);

    public static implicit operator PreFlightOutcome(PreFlightFailed message) => new Failed(message);

    public static implicit operator PreFlightOutcome(RunRejected message) => new Rejected(message);
}
