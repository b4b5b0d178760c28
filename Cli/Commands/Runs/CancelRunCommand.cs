using System.ComponentModel;
using System.Text.Json;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Cancel a run; what it migrated is rolled back (Operator)")]
public sealed class CancelRunCommand(CliEnvironment environment) : RunControlCommand(environment)
{
    protected override string Verb => "cancel";

    protected override string Question(JsonElement run) =>
        $"Cancel run {run.Text("runId")} ({run.Text("state")}, {run.Number("completedBatches")} of {run.Number("totalBatches")} batches)? "
        + $"The {run.Number("migrated")} sessions it migrated are rolled back.";
}
