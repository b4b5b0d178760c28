using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Runs;

/// <summary>
/// Every field of a run for <c>runs show</c>, labelled as the Dashboard labels them (--json has the API's names), counts
/// grouped by thousands, and a dry run's counts as what it would have done: it wrote nothing.
/// </summary>
public static class RunFields
{
    public static (string Name, string Value)[] Of(RunView run)
    {
        var dryRun = run.DryRun == true;
        return
        [
            ("Run", Display.Text(run.RunId)), ("Plan", Display.Text(run.PlanId)),
            ("State", run.State + (dryRun ? " (dry run: nothing was written)" : "")),
            ("Requested by", Display.Text(run.RequestedBy)),
            ("Skip low confidence", YesNo(run.SkipLowConfidence)),
            ("Sessions", $"{Count(run.Included)} included, {Count(run.Skipped)} left out by the plan"),
            ("Batches", BatchCount.Of(run) is { } batches ? batches + " done" : "not counted yet"),
            (dryRun ? "Would migrate" : "Migrated", Count(run.Migrated)),
            ("Changed since analysis", Count(run.SkippedChanged)),
            ("Rolled back", Count(run.RolledBack)), ("Conflicts", Count(run.Conflicts)),
            ("Reason", run.Reason is { Length: > 0 } reason ? reason : "none"),
            ("Backup table", run.BackupTable
                ?? (dryRun ? "none: a dry run keeps no backup" : RunOutcome.IsFinished(run) ? "none" : "none yet")),
            // Each warning by its text, as pre-flight wrote it: a count would say there is a warning without saying what.
            .. run.Warnings is { Count: > 0 } warnings ? warnings.Select(warning => ("Warning", warning)) : [("Warnings", "none")],
            ("Created", Display.Text(run.CreatedAt)), ("Updated", Display.Text(run.UpdatedAt)),
            ("Finished", run.FinishedAt is { } finished ? Display.Text(finished) : "not yet"),
            ("Retryable", YesNo(run.Retryable)),
        ];
    }

    private static string Count(int? count) => Display.Number(count ?? 0);

    private static string YesNo(bool? value) => value == true ? "yes" : "no";
}
