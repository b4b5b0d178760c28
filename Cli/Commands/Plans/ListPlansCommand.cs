using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Plans;

[Description("All plans, newest first")]
public sealed class ListPlansCommand(CliEnvironment environment) : ServiceCommand<GlobalSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var plans = await client.Analyzer.Plans.GetAsync(cancellationToken: cancellationToken);
        output.Write(plans, console => console.Write(Tables.Of(plans,
            ("Plan", p => Display.Text(p.PlanId)),
            ("Created", p => Display.Text(p.CreatedAt)),
            ("By", p => Display.Text(p.CreatedBy)),
            ("Items", p => PlanText.Counts(p.Summary)),
            ("Risks", p => Display.Text(p.Risks)),
            ("Approved by", p => p.Approval?.ApprovedBy ?? "not approved"))));
        return ExitCodes.Done;
    }
}
