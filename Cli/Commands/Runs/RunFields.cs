using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Runs;

/// <summary>Every field of a run, named and ordered as the Executor writes them, for <c>runs show</c>.</summary>
public static class RunFields
{
    public static (string Name, string Value)[] Of(RunView run) =>
    [
        ("runId", Display.Text(run.RunId)), ("planId", Display.Text(run.PlanId)), ("state", Display.Text(run.State)),
        ("requestedBy", Display.Text(run.RequestedBy)), ("dryRun", Display.Text(run.DryRun)),
        ("skipLowConfidence", Display.Text(run.SkipLowConfidence)), ("batchSize", Display.Text(run.BatchSize)),
        ("included", Display.Text(run.Included)), ("skipped", Display.Text(run.Skipped)), ("totalBatches", Display.Text(run.TotalBatches)),
        ("completedBatches", Display.Text(run.CompletedBatches)), ("migrated", Display.Text(run.Migrated)),
        ("skippedChanged", Display.Text(run.SkippedChanged)), ("rolledBack", Display.Text(run.RolledBack)),
        ("conflicts", Display.Text(run.Conflicts)), ("reason", run.Reason is { Length: > 0 } reason ? reason : "none"),
        ("backupTable", Display.Text(run.BackupTable)),
        // Each warning by its text, as pre-flight wrote it: a count would say there is a warning without saying what.
        .. run.Warnings is { Count: > 0 } warnings ? warnings.Select(warning => ("warning", warning)) : [("warnings", "none")],
        ("createdAt", Display.Text(run.CreatedAt)), ("updatedAt", Display.Text(run.UpdatedAt)),
        ("finishedAt", Display.Text(run.FinishedAt)), ("retryable", Display.Text(run.Retryable)),
    ];
}
