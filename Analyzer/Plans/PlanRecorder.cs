using AspireMigration.Shared.Contracts.Api.Plans;
using System.Text.Json;
using AspireMigration.Analyzer.Scoring;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace AspireMigration.Analyzer.Plans;

/// <summary>
/// Writes one plan inside the caller's transaction: the header first (items reference it), items
/// and distributions by binary COPY one bounded batch at a time, and the final counts, risks and
/// recommendations last.
/// </summary>
public sealed class PlanRecorder(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid planId)
{
    private const string ItemsCopy = """
        COPY backfill.plan_items (plan_id, session_id, assignment_type, target_project_id, suggested_project_id,
            confidence, events_total, evidence_events, reasoning, warnings, session_updated_at) FROM STDIN (FORMAT BINARY)
        """;

    private const string DistributionsCopy =
        "COPY backfill.plan_distributions (plan_id, session_id, project_id, events) FROM STDIN (FORMAT BINARY)";

    public Task StartAsync(DateTimeOffset createdAt, string createdBy, AnalysisSettings settings, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.plans (id, created_at, created_by, prior, confident_threshold, tentative_threshold,
                total, confident, tentative, manual_review, unassigned, risks, recommendations, analysis_duration_ms)
            VALUES (@planId, @createdAt, @createdBy, @Prior, @ConfidentThreshold, @TentativeThreshold, 0, 0, 0, 0, 0, '[]', '[]', 0)
            """, new { planId, createdAt, createdBy, settings.Prior, settings.ConfidentThreshold, settings.TentativeThreshold },
            transaction, cancellationToken: cancellationToken));

    public Task CompleteAsync(PlanSummary summary, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE backfill.plans
            SET total = @Total, confident = @Confident, tentative = @Tentative, manual_review = @ManualReview,
                unassigned = @Unassigned, risks = @risks::jsonb, recommendations = @recommendations::jsonb,
                analysis_duration_ms = @durationMs
            WHERE id = @planId
            """, new
        {
            planId,
            summary.Summary.Total,
            summary.Summary.Confident,
            summary.Summary.Tentative,
            summary.Summary.ManualReview,
            summary.Summary.Unassigned,
            risks = JsonSerializer.Serialize(summary.Risks),
            recommendations = JsonSerializer.Serialize(summary.Recommendations),
            durationMs = summary.AnalysisDurationMs,
        }, transaction, cancellationToken: cancellationToken));

    public async Task WriteBatchAsync(IReadOnlyList<ScoredSession> batch, CancellationToken cancellationToken)
    {
        await using (var items = await connection.BeginBinaryImportAsync(ItemsCopy, cancellationToken))
        {
            foreach (var item in batch)
            {
                await items.StartRowAsync(cancellationToken);
                await items.WriteAsync(planId, NpgsqlDbType.Uuid, cancellationToken);
                await items.WriteAsync(item.Evidence.SessionId, NpgsqlDbType.Uuid, cancellationToken);
                await items.WriteAsync(item.Type.ToName(), NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(items, item.TargetProjectId, cancellationToken);
                await WriteNullableAsync(items, item.SuggestedProjectId, cancellationToken);
                await items.WriteAsync(item.Confidence, NpgsqlDbType.Numeric, cancellationToken);
                await items.WriteAsync(item.Evidence.EventsTotal, NpgsqlDbType.Integer, cancellationToken);
                await items.WriteAsync(item.Evidence.EvidenceEvents, NpgsqlDbType.Integer, cancellationToken);
                await items.WriteAsync(item.Reasoning, NpgsqlDbType.Text, cancellationToken);
                await items.WriteAsync(item.Warnings.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                if (item.Evidence.SessionUpdatedAt is { } updatedAt)
                {
                    await items.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                }
                else
                {
                    await items.WriteNullAsync(cancellationToken);
                }
            }
            await items.CompleteAsync(cancellationToken);
        }
        await using (var distributions = await connection.BeginBinaryImportAsync(DistributionsCopy, cancellationToken))
        {
            foreach (var item in batch)
            {
                foreach (var share in item.Evidence.Distribution)
                {
                    await distributions.StartRowAsync(cancellationToken);
                    await distributions.WriteAsync(planId, NpgsqlDbType.Uuid, cancellationToken);
                    await distributions.WriteAsync(item.Evidence.SessionId, NpgsqlDbType.Uuid, cancellationToken);
                    await distributions.WriteAsync(share.ProjectId, NpgsqlDbType.Uuid, cancellationToken);
                    await distributions.WriteAsync(share.Events, NpgsqlDbType.Integer, cancellationToken);
                }
            }
            await distributions.CompleteAsync(cancellationToken);
        }
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, Guid? value, CancellationToken cancellationToken) =>
        value is { } id ? importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
