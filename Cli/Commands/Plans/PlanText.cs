using AspireMigration.ApiClients.Analyzer.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Output;
using Spectre.Console;

namespace AspireMigration.Cli.Commands.Plans;

/// <summary>A plan summary for people, and the figures an approval or a start is asked about.</summary>
public static class PlanText
{
    public static void Write(IAnsiConsole console, PlanSummary? plan)
    {
        var approval = plan?.Approval;
        console.Write(Tables.Fields(
            ("Plan", Display.Text(plan?.PlanId)),
            ("Created", $"{Display.Text(plan?.CreatedAt)} by {plan?.CreatedBy}"),
            ("Items", Counts(plan?.Summary)),
            ("Approved", approval is null ? "no" : $"by {approval.ApprovedBy} at {Display.Text(approval.ApprovedAt)}")));
        foreach (var risk in plan?.Risks ?? [])
        {
            console.MarkupLine($"[yellow]risk:[/] {Markup.Escape(risk)}");
        }
        foreach (var recommendation in plan?.Recommendations ?? [])
        {
            console.MarkupLine($"recommendation: {Markup.Escape(recommendation)}");
        }
    }

    public static string Counts(PlanCounts? counts) =>
        $"{Display.Number(counts?.Total ?? 0)} ({Display.Number(counts?.Confident ?? 0)} confident, "
        + $"{Display.Number(counts?.Tentative ?? 0)} tentative, {Display.Number(counts?.ManualReview ?? 0)} manual review, "
        + $"{Display.Number(counts?.Unassigned ?? 0)} unassigned)";

    /// <summary>A plan id from the command line; the API takes nothing else, so anything else is a usage error.</summary>
    public static Guid Id(string planId) =>
        Guid.TryParse(planId, out var id) ? id : throw new CliUsageException($"'{planId}' is not a plan id.");

    /// <summary>The plan summary alone (one item page of one item is the cheapest read of it).</summary>
    public static async Task<PlanSummary?> ReadAsync(ServiceClient client, string planId, CancellationToken cancellationToken) =>
        (await client.Analyzer.Plans[Id(planId)].GetAsync(r => r.QueryParameters.PageSize = 1, cancellationToken))?.Plan;
}
