using System.ComponentModel;
using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Resume a paused run (Operator)")]
public sealed class ResumeRunCommand(CliEnvironment environment) : RunControlCommand(environment)
{
    protected override string Verb => "resume";
}
