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
        var plans = await client.GetAsync(Service.Analyzer, "/api/plans", cancellationToken);
        output.Write(plans, console => console.Write(Tables.Of(plans.Items(),
            ("Plan", p => p.Text("planId")),
            ("Created", p => p.Text("createdAt")),
            ("By", p => p.Text("createdBy")),
            ("Items", p => PlanText.Counts(p.Field("summary"))),
            ("Risks", p => p.Text("risks")),
            ("Approved by", p => p.Field("approval").Text("approvedBy")))));
        return ExitCodes.Done;
    }
}
