using System.ComponentModel;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Retry a run a batch failed: the batches not applied are sent again, then the run is validated (Operator)")]
public sealed class RetryRunCommand(CliEnvironment environment) : RunControlCommand(environment)
{
    protected override string Verb => "retry";

    protected override Task SendAsync(ServiceClient client, Guid runId, CancellationToken cancellationToken) =>
        client.Executor.Runs[runId].Retry.PostAsync(new RunCommandRequest(), cancellationToken: cancellationToken);

    protected override string Question(RunView run) =>
        $"Retry run {run.RunId} ({run.Reason})? The {(run.TotalBatches ?? 0) - (run.CompletedBatches ?? 0)} of "
        + $"{run.TotalBatches ?? 0} batches not counted are sent again; a batch already applied is not applied twice.";
}
