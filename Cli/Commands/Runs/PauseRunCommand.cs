using System.ComponentModel;
using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Pause a migrating run after its current batch (Operator)")]
public sealed class PauseRunCommand(CliEnvironment environment) : RunControlCommand(environment)
{
    protected override string Verb => "pause";
}
