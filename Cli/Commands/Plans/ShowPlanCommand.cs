using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
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
        var query = $"page={settings.Page}&pageSize={settings.PageSize}"
            + (settings.Type is { } type ? $"&type={Uri.EscapeDataString(type)}" : "");
        var page = await client.GetAsync(
            Service.Analyzer, $"/api/plans/{Uri.EscapeDataString(settings.PlanId)}?{query}", cancellationToken);
        output.Write(page, console =>
        {
            PlanText.Write(console, page.Field("plan"));
            console.Write(Tables.Of(page.Items("items"),
                ("Session", i => i.Text("sessionId")),
                ("Type", i => i.Text("assignmentType")),
                ("Target", i => i.Text("targetProjectId")),
                ("Confidence", i => i.Text("confidence")),
                ("Decision", i => i.Field("decision").Text("decision")),
                ("Reasoning", i => i.Text("reasoning"))));
            console.MarkupLine(Markup.Escape(
                $"Page {page.Number("page")}, {page.Items("items").Count()} of {page.Number("totalItems")} items"));
        });
        return ExitCodes.Done;
    }
}
