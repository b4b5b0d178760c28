using AspireMigration.Shared.Contracts.Api.Plans;
using AspireMigration.Shared.Domain;

using System.Data;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Analyzer.Scoring;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMigration.Analyzer.Analysis;

/// <summary>
/// Runs one analysis: streams the set-based evidence pass, scores each orphan in C# and records an
/// immutable plan snapshot under a new id. The plan becomes visible only when complete (one transaction).
/// </summary>
public sealed class AnalysisEngine(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<AnalysisEngine> logger)
{
    public const int DefaultBatchSize = 5000;

    public async Task<PlanSummary> AnalyzeAsync(AnalysisSettings settings, string createdBy, CancellationToken cancellationToken = default)
    {
        var planId = Guid.CreateVersion7();
        using var activity = AnalyzerTelemetry.ActivitySource.StartActivity("analyze orphan sessions");
        activity?.SetTag("plan.id", planId);
        var started = timeProvider.GetTimestamp();

        await using var reader = await dataSource.OpenConnectionAsync(cancellationToken);
        await TargetSchemaCheck.EnsureAsync(reader, cancellationToken);
        // One snapshot for the projects and the evidence, so names and statuses match what was counted.
        await using var snapshot = await reader.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var projects = await ProjectCatalog.LoadAsync(reader, cancellationToken);
        var scorer = new ConfidenceScorer(settings, projects);
        var tally = new PlanTally();
        var createdAt = TruncateToMicroseconds(timeProvider.GetUtcNow());

        // A second connection writes while the first one streams: reading never waits for a COPY.
        await using var writer = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await writer.BeginTransactionAsync(cancellationToken);
        var recorder = new PlanRecorder(writer, transaction, planId);
        await recorder.StartAsync(createdAt, createdBy, settings, cancellationToken);
        var batches = EvidenceReader.ReadAsync(reader, cancellationToken).Select(evidence =>
        {
            var item = scorer.Score(evidence);
            tally.Add(item);
            AnalyzerTelemetry.RecordItem(item);
            return item;
        }).Chunk(DefaultBatchSize);
        await BatchPipeline.RunAsync(batches, recorder.WriteBatchAsync, cancellationToken);

        var sentinelExists = projects.ContainsKey(SentinelProject.Id);
        var duration = timeProvider.GetElapsedTime(started);
        var summary = new PlanSummary(planId, createdAt, createdBy,
            new PlanSettings(settings.Prior, settings.ConfidentThreshold, settings.TentativeThreshold), tally.Counts,
            tally.Risks(sentinelExists), tally.Recommendations(sentinelExists), duration.TotalMilliseconds);
        await recorder.CompleteAsync(summary, cancellationToken);
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
