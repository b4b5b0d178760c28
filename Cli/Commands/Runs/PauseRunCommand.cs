using System.ComponentModel;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Pause a migrating run after its current batch (Operator)")]
public sealed class PauseRunCommand(CliEnvironment environment) : RunControlCommand(environment)
{
    protected override string Verb => "pause";

    protected override Task SendAsync(ServiceClient client, Guid runId, CancellationToken cancellationToken) =>
        client.Executor.Runs[runId].Pause.PostAsync(new RunCommandRequest(), cancellationToken: cancellationToken);
}
