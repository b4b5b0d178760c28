using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Follow a run to its end with a live progress bar; exits 0 when it completed, 1 otherwise")]
public sealed class WatchRunCommand(CliEnvironment environment) : ServiceCommand<RunIdSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, RunIdSettings settings, CancellationToken cancellationToken)
    {
        var run = await new RunWatcher(client, output).WaitAsync(settings.RunId, RunOutcome.IsFinished, cancellationToken);
        output.Write(run, _ => { });
        return RunOutcome.OfRun(run);
    }
}
