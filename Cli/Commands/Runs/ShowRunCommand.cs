using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Runs;

[Description("A run's state and counts")]
public sealed class ShowRunCommand(CliEnvironment environment) : ServiceCommand<RunIdSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, RunIdSettings settings, CancellationToken cancellationToken)
    {
        var run = (await client.Executor.Runs[settings.RunId].GetAsync(cancellationToken: cancellationToken))!;
        output.Write(run, console => console.Write(Tables.Fields(RunFields.Of(run))));
        return ExitCodes.Done;
    }
}
