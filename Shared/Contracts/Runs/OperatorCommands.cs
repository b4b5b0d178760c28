namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// The operator commands and the run states each applies to: the Executor's API refuses a command outside
/// them, and the Dashboard offers only the commands the run's state takes. No command but resume applies
/// to a dry run, which has nothing to pause, cancel, restore or retry. A retry needs more than the state (a batch
/// failure, a backup): the run's view says whether it is <c>retryable</c>.
/// </summary>
public static class OperatorCommands
{
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Cancel = "cancel";
    public const string Rollback = "rollback";
    public const string Retry = "retry";

    /// <summary>PUT /api/runs/{id}/pacing: a new pacing for a run that has not finished migrating.</summary>
    public const string Pace = "pace";

    public static readonly string[] PauseStates = [RunStates.Migrating, RunStates.Throttled, RunStates.Waiting];
    public static readonly string[] ResumeStates = [RunStates.Paused];
    public static readonly string[] CancelStates =
        [RunStates.PreFlight, RunStates.BackingUp, RunStates.Migrating, RunStates.Throttled, RunStates.Waiting, RunStates.Paused];
    public static readonly string[] RollbackStates = [RunStates.Completed, RunStates.Failed, RunStates.Paused, RunStates.Throttled,
        RunStates.Waiting];
    public static readonly string[] PaceStates =
        [RunStates.PreFlight, RunStates.BackingUp, RunStates.Migrating, RunStates.Throttled, RunStates.Waiting, RunStates.Paused];
    public static readonly string[] RetryStates = [RunStates.Failed];

    /// <summary>Whether <paramref name="command"/> applies to a run in <paramref name="state"/>.</summary>
    public static bool Allows(string command, string state, bool dryRun) =>
        (!dryRun || command == Resume) && StatesFor(command).Contains(state);

    public static string[] StatesFor(string command) => command switch
    {
        Pause => PauseStates,
        Resume => ResumeStates,
        Cancel => CancelStates,
        Rollback => RollbackStates,
        Retry => RetryStates,
        Pace => PaceStates,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a run command."),
    };
}
