using AspireMigration.Shared.Contracts.Api.Runs;
using System.Globalization;
using AspireMigration.Executor.Api;

namespace AspireMigration.Executor.Reports;

/// <summary>How CSV and Markdown print a session, so both carry the JSON's data.</summary>
public static class RunReportCells
{
    public static readonly string[] Columns = ["session_id", "assignment_type", "target_project_id", "included", "skip_reason",
        "batch_number", "outcome"];

    public static string[] Of(ReportSession row) =>
    [
        row.SessionId.ToString(), row.AssignmentType, row.TargetProjectId?.ToString() ?? "", row.Included ? "true" : "false",
        row.SkipReason ?? "", row.BatchNumber?.ToString(CultureInfo.InvariantCulture) ?? "", row.Outcome,
    ];
}
