using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Cli.Output;

/// <summary>When a watched run is over and what exit code its outcome is.</summary>
public static class RunOutcome
{
    public static bool IsFinished(RunView run) => RunStates.Finished.Contains(run.State);

    /// <summary>0 for a run that completed (a dry run only without validation failures); 1 for failed, cancelled or rolled back.</summary>
    public static int OfRun(RunView run) =>
        run.State == RunStates.Completed && !(run.DryRun == true && !string.IsNullOrEmpty(run.Reason)) ? ExitCodes.Done
        : ExitCodes.Failed;

    /// <summary>0 once the rollback restored the sessions; 1 when it failed or was refused.</summary>
    public static int OfRollback(RunView run) => run.State == RunStates.RolledBack ? ExitCodes.Done : ExitCodes.Failed;
}
