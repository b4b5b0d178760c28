using System.ComponentModel;
using AspireMigration.ApiClients.Executor.Api.Runs.Item.Report;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Runs;

[Description("A run's per-session report, to a file or stdout")]
public sealed class RunReportCommand(CliEnvironment environment) : ServiceCommand<RunReportCommand.Settings>(environment)
{
    public sealed class Settings : RunIdSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("json, csv or md (default: the output file's extension, else json)")]
        public string? Format { get; init; }

        [CommandOption("--output|-o <FILE>")]
        [Description("Write to FILE instead of stdout")]
        public string? Output { get; init; }

        public override ValidationResult Validate() => base.Validate() is { Successful: false } invalid ? invalid
            : ReportFormats.Validate(Format);
    }

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, Settings settings, CancellationToken cancellationToken)
    {
        var report = client.Executor.Runs[settings.RunId].Report.ToGetRequestInformation(r =>
            r.QueryParameters.Format = ReportFormats.Choose<GetFormatQueryParameterType>(settings.Format, settings.Output));
        if (settings.Output is null)
        {
            await client.DownloadAsync(Service.Executor, report, Environment.Out, cancellationToken);
            return ExitCodes.Done;
        }
        await using (var file = File.Create(settings.Output))
        {
            await client.DownloadAsync(Service.Executor, report, file, cancellationToken);
        }
        output.Say(Markup.Escape($"Report written to {settings.Output}"));
        return ExitCodes.Done;
    }
}
