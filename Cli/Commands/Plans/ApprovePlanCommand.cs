using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Plans;

[Description("Approve a plan for execution; it is frozen from then on (Approver)")]
public sealed class ApprovePlanCommand(CliEnvironment environment) : ServiceCommand<ApprovePlanCommand.Settings>(environment)
{
    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<PLAN>")]
        public string PlanId { get; init; } = "";

        [CommandOption("--acknowledge-risks")]
        [Description("Needed when the plan has risks")]
        public bool AcknowledgeRisks { get; init; }
    }

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, Settings settings, CancellationToken cancellationToken)
    {
        var plan = await PlanText.ReadAsync(client, settings.PlanId, cancellationToken);
        var counts = plan.Field("summary");
        var uncertain = counts.Number("tentative") + counts.Number("manualReview");
        if (!output.Confirm($"Approve plan {settings.PlanId} with {plan.Items("risks").Count()} risks? "
                + $"{uncertain} of {counts.Number("total")} items are uncertain ({counts.Number("tentative")} tentative, "
                + $"{counts.Number("manualReview")} manual review), {counts.Number("unassigned")} unassigned."))
        {
            return ExitCodes.Failed;
        }
        var approved = (await client.SendAsync(
            HttpMethod.Post, Service.Analyzer, $"/api/plans/{Uri.EscapeDataString(settings.PlanId)}/approve",
            new { acknowledgeRisks = settings.AcknowledgeRisks }, cancellationToken))!.Value;
        output.Write(approved, console => PlanText.Write(console, approved));
        return ExitCodes.Done;
    }
}
