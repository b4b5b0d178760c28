using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Runs;

[Description("A run's state, counts and pacing")]
public sealed class ShowRunCommand(CliEnvironment environment) : ServiceCommand<RunIdSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, RunIdSettings settings, CancellationToken cancellationToken)
    {
        var run = await client.GetAsync(Service.Executor, $"/api/runs/{settings.RunId}", cancellationToken);
        // Progress from sessions: with adaptive batches the batch total is an estimate until the last batch is out.
        var done = run.Number("migrated") + run.Number("skippedChanged");
        var included = run.Number("included");
        output.Write(run, console => console.Write(Tables.Fields([
            .. run.EnumerateObject().Where(field => field.Name != "pacing").Select(field => (field.Name, run.Text(field.Name))),
            ("progress", $"{done} of {included} sessions" + (included > 0 ? $" ({100.0 * done / included:0.#} %)" : "")),
            .. PacingText.Fields(run.Field("pacing"))])));
        return ExitCodes.Done;
    }
}
