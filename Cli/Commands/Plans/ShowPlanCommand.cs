using System.ComponentModel;
using AspireMigration.ApiClients.Analyzer.Api.Plans.Item;
using AspireMigration.ApiClients.Analyzer.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using AspireMigration.Shared.Domain;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Plans;

[Description("A plan and one page of its items")]
public sealed class ShowPlanCommand(CliEnvironment environment) : ServiceCommand<ShowPlanCommand.Settings>(environment)
{
    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<PLAN>")]
        public string PlanId { get; init; } = "";

        [CommandOption("--type <TYPE>")]
        [Description("Only items of this type: confident, tentative, manual_review, unassigned")]
        public string? Type { get; init; }

        [CommandOption("--page <N>")]
        public int Page { get; init; } = 1;

        [CommandOption("--page-size <N>")]
        public int PageSize { get; init; } = 50;
    }

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, Settings settings, CancellationToken cancellationToken)
    {
        var type = settings.Type is null ? (GetTypeQueryParameterType?)null
            : WordOptions.Parse<GetTypeQueryParameterType>(settings.Type, "--type");
        var page = await client.Analyzer.Plans[PlanText.Id(settings.PlanId)].GetAsync(r =>
        {
            r.QueryParameters.Page = settings.Page;
            r.QueryParameters.PageSize = settings.PageSize;
            r.QueryParameters.Type = type;
        }, cancellationToken);
        var projects = output.Json ? ProjectNames.NotRead : await ProjectNames.LoadAsync(client, cancellationToken);
        var planSettings = page?.Plan?.Settings;
        decimal[] thresholds =
            [.. new[] { planSettings?.ConfidentThreshold, planSettings?.TentativeThreshold }.OfType<double>().Select(t => (decimal)t)];
        output.Write(page, console =>
        {
            PlanText.Write(console, page?.Plan);
            console.WriteLine();
            console.Write(Tables.Of(page?.Items,
                ("Session", i => Display.Text(i.SessionId)),
                ("Type", i => Display.Text(i.AssignmentType)),
                ("Target", i => i.TargetProjectId is { } target ? projects.Of(target)
                    : i.SuggestedProjectId is { } suggested ? "suggested: " + projects.Of(suggested) : "none"),
                ("Confidence", i => i.Confidence is { } confidence ? ConfidenceText.Of((decimal)confidence, thresholds) : ""),
                ("Decision", i => i.Decision is not { Decision: { } decision } ? "none"
                    : decision == ItemDecision_decision.Assign ? "assign: " + projects.Of(i.Decision.TargetProjectId)
                    : Display.Text(decision)),
                ("Reasoning", i => Display.Text(i.Reasoning))));
            console.MarkupLine(Markup.Escape(PageLine(page?.Page ?? 1, settings.PageSize, page?.Items?.Count ?? 0, page?.TotalItems ?? 0)));
        });
        return ExitCodes.Done;
    }

    /// <summary>Which items these are and how to reach the rest: "page 1, 12 of 18" left the other six to be guessed at.</summary>
    public static string PageLine(int page, int pageSize, int shown, long total)
    {
        if (shown == 0)
        {
            return total == 0 ? "No items." : $"No items on page {page}; there are {Display.Number(total)} (--page 1).";
        }
        var first = (page - 1L) * pageSize + 1;
        var last = first + shown - 1;
        return $"Items {Display.Number(first)}-{Display.Number(last)} of {Display.Number(total)}"
            + (last < total ? $"; --page {page + 1} for the next {Display.Number(Math.Min(pageSize, total - last))}." : ".");
    }
}
