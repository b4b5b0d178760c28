using AspireMigration.Dashboard.Clients.Runs;
using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Dashboard.Components.Runs;

/// <summary>The runs list's tabs: a name for the address bar and the saga states each gathers.</summary>
public sealed record RunStatusTab(string Key, string Title, IReadOnlyList<string> States)
{
    public static readonly IReadOnlyList<RunStatusTab> All =
    [
        new("active", "Active", [RunStates.Pending, .. RunStates.InProgress, .. RunStates.Pacing]),
        new("paused", "Paused", [RunStates.Paused]),
        new("finished", "Finished", [RunStates.Completed, RunStates.RolledBack]),
        new("failed", "Failed", [RunStates.Failed]),
        new("cancelled", "Cancelled", [RunStates.Cancelled]),
    ];

    /// <summary>A run that migrated its plan and stands (not rolled back): running the plan again finds nothing left to do.</summary>
    public static bool Executed(RunView run) =>
        !run.DryRun && run.State is not (RunStates.RolledBack or RunStates.Cancelled)
            && !(run.State == RunStates.Failed && run.Migrated == 0);
}
