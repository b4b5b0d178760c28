using System.ComponentModel;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Configuration;

/// <summary>The options every command takes: where the services are, the key, and how to talk to the person or pipeline.</summary>
public class GlobalSettings : CommandSettings
{
    [CommandOption("--analyzer-url <URL>")]
    [Description("The Analyzer's base URL (else ASPIRE_MIGRATION_ANALYZER_URL, else the config file)")]
    public string? AnalyzerUrl { get; init; }

    [CommandOption("--executor-url <URL>")]
    [Description("The Executor's base URL (else ASPIRE_MIGRATION_EXECUTOR_URL, else the config file)")]
    public string? ExecutorUrl { get; init; }

    [CommandOption("--key <KEY>")]
    [Description("The CLI client's API key (prefer ASPIRE_MIGRATION_KEY or the config file: a flag shows in the process list)")]
    public string? Key { get; init; }

    [CommandOption("--config <FILE>")]
    [Description("Config file (else ASPIRE_MIGRATION_CONFIG, else ~/.config/aspire-migration/config.json)")]
    public string? Config { get; init; }

    [CommandOption("--json")]
    [Description("Machine-readable output: the API's JSON on stdout, nothing else")]
    public bool Json { get; init; }

    [CommandOption("--yes|-y")]
    [Description("Confirm risky steps without asking (scripts, CI)")]
    public bool Yes { get; init; }

    [CommandOption("--interactive")]
    [Description("Ask before every risky step (the default when a terminal is attached)")]
    public bool Interactive { get; init; }
}
