using System.Text.Json;
using AspireMigration.Cli.Api;
using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Cli.Output;

/// <summary>When a watched run is over and what exit code its outcome is.</summary>
public static class RunOutcome
{
    public static bool IsFinished(JsonElement run) => RunStates.Finished.Contains(run.Text("state"));

    /// <summary>0 for a run that completed (a dry run only without validation failures); 1 for failed, cancelled or rolled back.</summary>
    public static int OfRun(JsonElement run) =>
        run.Text("state") == RunStates.Completed && !(run.Flag("dryRun") && run.Text("reason").Length > 0) ? ExitCodes.Done
        : ExitCodes.Failed;

    /// <summary>0 once the rollback restored the sessions; 1 when it failed or was refused.</summary>
    public static int OfRollback(JsonElement run) => run.Text("state") == RunStates.RolledBack ? ExitCodes.Done : ExitCodes.Failed;
}
