using System.Text.Json;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Output;
using Spectre.Console;

namespace AspireMigration.Cli.Commands.Plans;

/// <summary>A plan summary for people, and the figures an approval or a start is asked about.</summary>
public static class PlanText
{
    public static void Write(IAnsiConsole console, JsonElement plan)
    {
        var counts = plan.Field("summary");
        var approval = plan.Field("approval");
        console.Write(Tables.Fields(
            ("Plan", plan.Text("planId")),
            ("Created", $"{plan.Text("createdAt")} by {plan.Text("createdBy")}"),
            ("Items", Counts(counts)),
            ("Approved", approval.ValueKind == JsonValueKind.Object ? $"by {approval.Text("approvedBy")} at {approval.Text("approvedAt")}"
                : "no")));
        foreach (var risk in plan.Items("risks"))
        {
            console.MarkupLine($"[yellow]risk:[/] {Markup.Escape(risk.GetString() ?? "")}");
        }
        foreach (var recommendation in plan.Items("recommendations"))
        {
            console.MarkupLine($"recommendation: {Markup.Escape(recommendation.GetString() ?? "")}");
        }
    }

    public static string Counts(JsonElement counts) =>
        $"{counts.Number("total")} ({counts.Number("confident")} confident, {counts.Number("tentative")} tentative, "
        + $"{counts.Number("manualReview")} manual review, {counts.Number("unassigned")} unassigned)";

    /// <summary>The plan summary alone (one item page of one item is the cheapest read of it).</summary>
    public static async Task<JsonElement> ReadAsync(ServiceClient client, string planId, CancellationToken cancellationToken) =>
        (await client.GetAsync(Service.Analyzer, $"/api/plans/{Uri.EscapeDataString(planId)}?pageSize=1", cancellationToken)).Field("plan");
}
