using System.Globalization;
using System.Text;

namespace AspireMigration.Executor.Api;

/// <summary>CSV and Markdown renderings of a <see cref="RunReport"/>, carrying the same data as its JSON.</summary>
public static class ReportRenderer
{
    private static readonly string[] Columns = ["session_id", "assignment_type", "target_project_id", "included", "skip_reason", "batch_number", "outcome"];

    public static string Csv(RunReport report)
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', Columns));
        foreach (var row in report.Sessions)
        {
            csv.AppendLine(string.Join(',', Cells(row)));
        }
        return csv.ToString();
    }

    public static string Markdown(RunReport report)
    {
        var run = report.Run;
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Run {run.RunId}{(run.DryRun ? " (dry run: nothing was changed; counts are what would change)" : "")}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Plan {run.PlanId}, requested by {run.RequestedBy} at {run.CreatedAt:O}; state **{run.State}**.")
            .AppendLine();
        if (run.Reason is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Reason: {run.Reason}").AppendLine();
        }
        md.AppendLine("| Outcome | Sessions |").AppendLine("|---|---|");
        foreach (var (outcome, count) in report.Outcomes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {outcome} | {count} |");
        }
        md.AppendLine().AppendLine("| " + string.Join(" | ", Columns) + " |").AppendLine("|" + string.Concat(Enumerable.Repeat("---|", Columns.Length)));
        foreach (var row in report.Sessions)
        {
            md.AppendLine("| " + string.Join(" | ", Cells(row)) + " |");
        }
        return md.ToString();
    }

    // Every cell is a Guid, a number, a boolean or one of our own outcome words: nothing needs escaping.
    private static IEnumerable<string> Cells(ReportSession row) =>
    [
        row.SessionId.ToString(), row.AssignmentType, row.TargetProjectId?.ToString() ?? "", row.Included ? "true" : "false",
        row.SkipReason ?? "", row.BatchNumber?.ToString(CultureInfo.InvariantCulture) ?? "", row.Outcome,
    ];
}
