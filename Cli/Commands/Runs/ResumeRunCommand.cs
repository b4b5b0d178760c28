using System.ComponentModel;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Resume a paused run (Operator)")]
public sealed class ResumeRunCommand(CliEnvironment environment) : RunControlCommand(environment)
{
    protected override string Verb => "resume";

    protected override Task SendAsync(ServiceClient client, Guid runId, CancellationToken cancellationToken) =>
        client.Executor.Runs[runId].Resume.PostAsync(new RunCommandRequest(), cancellationToken: cancellationToken);
}
