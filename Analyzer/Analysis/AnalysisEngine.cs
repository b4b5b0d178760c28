using AspireMigration.Shared.Contracts.Api.Plans;

using System.Data;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Analyzer.Scoring;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMigration.Analyzer.Analysis;

/// <summary>
/// Runs one analysis: scores every orphan where the data is (<see cref="ScoringStatement"/>) and records an immutable
/// plan snapshot under a new id. The plan becomes visible only when complete (one transaction).
/// </summary>
public sealed class AnalysisEngine(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<AnalysisEngine> logger)
{
    public async Task<PlanSummary> AnalyzeAsync(AnalysisSettings settings, string createdBy, CancellationToken cancellationToken = default)
    {
        var planId = Guid.CreateVersion7();
        using var activity = AnalyzerTelemetry.ActivitySource.StartActivity("analyze orphan sessions");
        activity?.SetTag("plan.id", planId);
        var started = timeProvider.GetTimestamp();
        var createdAt = TruncateToMicroseconds(timeProvider.GetUtcNow());

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await TargetSchemaCheck.EnsureAsync(connection, cancellationToken);
        // One snapshot for the scoring and the sentinel check, so the risks describe what was scored.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var scored = await ScoringStatement.RunAsync(connection, transaction, planId, settings, cancellationToken);
        var tally = new PlanTally();
        foreach (var group in scored.Groups)
        {
            tally.Add(group);
            AnalyzerTelemetry.RecordItems(group);
        }

        // Everything but the header's own insert and the commit: the duration is stored in that insert.
        var duration = timeProvider.GetElapsedTime(started);
        var summary = new PlanSummary(planId, createdAt, createdBy,
            new PlanSettings(settings.Prior, settings.ConfidentThreshold, settings.TentativeThreshold), tally.Counts,
            tally.Risks(scored.SentinelExists), tally.Recommendations(scored.SentinelExists), duration.TotalMilliseconds);
        await PlanRecorder.InsertAsync(connection, transaction, summary, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        AnalyzerTelemetry.RecordAnalysis(duration, summary.Summary);
        activity?.SetTag("plan.items", summary.Summary.Total);
        logger.LogInformation(
            "Plan {PlanId}: {Total} orphan sessions analysed in {Duration} " +
            "({Confident} confident, {Tentative} tentative, {ManualReview} manual review, {Unassigned} unassigned)",
            planId, summary.Summary.Total, duration, summary.Summary.Confident, summary.Summary.Tentative, summary.Summary.ManualReview,
            summary.Summary.Unassigned);
        return summary;
    }

    // PostgreSQL keeps microseconds; the summary returned must equal the one read back later.
    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);
}
