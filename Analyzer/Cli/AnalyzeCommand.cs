using AspireMigration.Analyzer.Analysis;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Analyzer.Reports;
using AspireMigration.Analyzer.Scoring;
using AspireMigration.Shared.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace AspireMigration.Analyzer.Cli;

/// <summary>`analyze`: runs one analysis, persists the plan like the API does, and writes its report to a file.</summary>
public static class AnalyzeCommand
{
    public const string Usage = "analyze --connection <connection string> --report <file> [--format json|csv|md] [--prior 1] [--confident-threshold 0.9] [--tentative-threshold 0.6] [--created-by <name>]";

    private static readonly HashSet<string> ValueOptions =
        ["--connection", "--report", "--format", "--prior", "--confident-threshold", "--tentative-threshold", "--created-by"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var options = CliOptions.Parse(args, ValueOptions, new HashSet<string>());
        var reportPath = options.Require("--report");
        if (!ReportFormats.TryParse(options.Get("--format"), out var format))
        {
            throw new CliUsageException($"--format must be {ReportFormats.Accepted}.");
        }
        var defaults = AnalysisSettings.Default;
        var settings = new AnalysisSettings(
            options.GetDecimal("--prior") ?? defaults.Prior,
            options.GetDecimal("--confident-threshold") ?? defaults.ConfidentThreshold,
            options.GetDecimal("--tentative-threshold") ?? defaults.TentativeThreshold);
        if (settings.Validate() is { Count: > 0 } errors)
        {
            throw new CliUsageException(string.Join(" ", errors.Values.SelectMany(e => e)));
        }
        await using var dataSource = CliDatabase.Open(options.Require("--connection"));
        var createdBy = options.Get("--created-by") ?? $"cli:{Environment.UserName}";

        // Open the file first: an unwritable path fails before any plan is stored.
        await using var report = new FileStream(reportPath, FileMode.Create, FileAccess.Write);
        try
        {
            // Check the target tables before the tool schema is created in what may be the wrong database.
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                await TargetSchemaCheck.EnsureAsync(connection, cancellationToken);
            }
            await new ToolSchemaMigrator(dataSource, NullLogger<ToolSchemaMigrator>.Instance).MigrateAsync(cancellationToken);
            var plan = await new AnalysisEngine(dataSource, TimeProvider.System, NullLogger<AnalysisEngine>.Instance)
                .AnalyzeAsync(settings, createdBy, cancellationToken);
            var queries = new PlanQueries(dataSource);
            await ReportFormats.WriterFor(format).WriteAsync(report, plan, queries.StreamItemsAsync(plan.PlanId, cancellationToken), cancellationToken);

            var counts = plan.Summary;
            await stdout.WriteLineAsync($"Plan {plan.PlanId}: {counts.Total} orphan sessions, {counts.Confident} confident, {counts.Tentative} tentative, "
                + $"{counts.ManualReview} manual review, {counts.Unassigned} unassigned; {plan.Risks.Count} risks. Report: {Path.GetFullPath(reportPath)}");
            return 0;
        }
        catch
        {
            await report.DisposeAsync();
            File.Delete(reportPath);
            throw;
        }
    }
}
