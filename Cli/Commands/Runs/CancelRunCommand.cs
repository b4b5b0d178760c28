using System.ComponentModel;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Cancel a run; what it migrated is rolled back (Operator)")]
public sealed class CancelRunCommand(CliEnvironment environment) : RunControlCommand(environment)
{
    protected override string Verb => "cancel";

    protected override Task SendAsync(ServiceClient client, Guid runId, CancellationToken cancellationToken) =>
        client.Executor.Runs[runId].Cancel.PostAsync(new RunCommandRequest(), cancellationToken: cancellationToken);

    protected override string Question(RunView run) =>
        $"Cancel run {run.RunId} ({run.State}, {run.CompletedBatches ?? 0} of {run.TotalBatches ?? 0} batches)? "
        + $"The {run.Migrated ?? 0} sessions it migrated are rolled back.";
}
