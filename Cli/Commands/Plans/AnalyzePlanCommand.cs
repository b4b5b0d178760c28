using System.ComponentModel;
using AspireMigration.ApiClients.Analyzer.Api.Plans.Item.Report;
using AspireMigration.ApiClients.Analyzer.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Plans;

[Description("Analyse the orphan sessions now and store a plan (Approver)")]
public sealed class AnalyzePlanCommand(CliEnvironment environment) : ServiceCommand<AnalyzePlanCommand.Settings>(environment)
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--prior <PRIOR>")]
        [Description("The prior in k / (n + prior), 0 to 1000000 (default: the Analyzer's setting)")]
        public decimal? Prior { get; init; }

        [CommandOption("--confident-threshold <CONFIDENCE>")]
        public decimal? ConfidentThreshold { get; init; }

        [CommandOption("--tentative-threshold <CONFIDENCE>")]
        public decimal? TentativeThreshold { get; init; }

        [CommandOption("--report <FILE>")]
        [Description("Also write the plan's report to FILE")]
        public string? Report { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("json, csv or md (default: the report file's extension, else json)")]
        public string? Format { get; init; }

        public override ValidationResult Validate() =>
            Format is not null && Report is null ? ValidationResult.Error("--format needs --report <FILE>.")
            : ReportFormats.Validate(Format);
    }

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, Settings settings, CancellationToken cancellationToken)
    {
        var plan = await client.Analyzer.Plans.PostAsync(new CreatePlanRequest
        {
            Prior = (double?)settings.Prior,
            ConfidentThreshold = (double?)settings.ConfidentThreshold,
            TentativeThreshold = (double?)settings.TentativeThreshold,
        }, cancellationToken: cancellationToken);
        if (settings.Report is { } report && plan?.PlanId is { } planId)
        {
            await using var file = File.Create(report);
            var request = client.Analyzer.Plans[planId].Report.ToGetRequestInformation(r =>
                r.QueryParameters.Format = ReportFormats.Choose<GetFormatQueryParameterType>(settings.Format, report));
            await client.DownloadAsync(Service.Analyzer, request, file, cancellationToken);
        }
        output.Write(plan, console =>
        {
            PlanText.Write(console, plan);
            if (settings.Report is not null)
            {
                console.MarkupLine($"Report written to {Markup.Escape(settings.Report)}");
            }
        });
        return ExitCodes.Done;
    }
}
