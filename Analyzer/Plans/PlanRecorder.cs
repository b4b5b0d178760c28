using AspireMigration.Shared.Contracts.Api.Plans;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Plans;

/// <summary>
/// Writes a plan's header, once its items are written and its figures known, inside the caller's transaction: the items
/// carry no foreign key to it, so one insert of the final row replaces an insert and an update.
/// </summary>
public static class PlanRecorder
{
    public static Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PlanSummary plan, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.plans (id, created_at, created_by, prior, confident_threshold, tentative_threshold,
                total, confident, tentative, manual_review, unassigned, risks, recommendations, analysis_duration_ms)
            VALUES (@PlanId, @CreatedAt, @CreatedBy, @Prior, @ConfidentThreshold, @TentativeThreshold,
                @Total, @Confident, @Tentative, @ManualReview, @Unassigned, @risks::jsonb, @recommendations::jsonb, @AnalysisDurationMs)
            """, new
        {
            plan.PlanId,
            plan.CreatedAt,
            plan.CreatedBy,
            plan.Settings.Prior,
            plan.Settings.ConfidentThreshold,
            plan.Settings.TentativeThreshold,
            plan.Summary.Total,
            plan.Summary.Confident,
            plan.Summary.Tentative,
            plan.Summary.ManualReview,
            plan.Summary.Unassigned,
            risks = JsonSerializer.Serialize(plan.Risks),
            recommendations = JsonSerializer.Serialize(plan.Recommendations),
            plan.AnalysisDurationMs,
        }, transaction, cancellationToken: cancellationToken));
}
