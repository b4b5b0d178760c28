using System.ComponentModel;
using AspireMigration.ApiClients.Analyzer.Models;
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
        // The service refuses it too, in its API's words; here the flag to pass is named, before anything is asked.
        if (plan?.Risks is { Count: > 0 } risks && !settings.AcknowledgeRisks)
        {
            throw new CliUsageException($"Plan {settings.PlanId} lists {risks.Count} risks; read them (plans show {settings.PlanId}) "
                + "and approve with --acknowledge-risks.");
        }
        var counts = plan?.Summary ?? new PlanCounts();
        var uncertain = (counts.Tentative ?? 0) + (counts.ManualReview ?? 0);
        if (!output.Confirm($"Approve plan {settings.PlanId} with {plan?.Risks?.Count ?? 0} risks? "
                + $"{Display.Number(uncertain)} of {Display.Number(counts.Total ?? 0)} items are uncertain "
                + $"({Display.Number(counts.Tentative ?? 0)} tentative, {Display.Number(counts.ManualReview ?? 0)} manual review), "
                + $"{Display.Number(counts.Unassigned ?? 0)} unassigned."))
        {
            return ExitCodes.Failed;
        }
        var approved = await client.Analyzer.Plans[PlanText.Id(settings.PlanId)].Approve.PostAsync(
            new ApprovalRequest { AcknowledgeRisks = settings.AcknowledgeRisks }, cancellationToken: cancellationToken);
        output.Write(approved, console => PlanText.Write(console, approved));
        return ExitCodes.Done;
    }
}
