using AspireMigration.Cli.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Runs;

/// <summary>The options of a command about one run.</summary>
public class RunIdSettings : GlobalSettings
{
    [CommandArgument(0, "<RUN>")]
    public string RunIdText { get; init; } = "";

    public Guid RunId => Guid.Parse(RunIdText);

    public override ValidationResult Validate() =>
        Guid.TryParse(RunIdText, out _) ? ValidationResult.Success() : ValidationResult.Error($"'{RunIdText}' is not a run id.");
}
