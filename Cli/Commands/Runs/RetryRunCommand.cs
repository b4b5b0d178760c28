using System.ComponentModel;
using System.Text.Json;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Retry a run a batch failed: the batches not applied are sent again, then the run is validated (Operator)")]
public sealed class RetryRunCommand(CliEnvironment environment) : RunControlCommand(environment)
{
    protected override string Verb => "retry";

    protected override string Question(JsonElement run) =>
        $"Retry run {run.Text("runId")} ({run.Text("reason")})? The {run.Number("totalBatches") - run.Number("completedBatches")} of "
        + $"{run.Number("totalBatches")} batches not counted are sent again; a batch already applied is not applied twice.";
}
