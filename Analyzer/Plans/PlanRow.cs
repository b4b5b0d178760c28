using System.Text.Json;
using AspireMigration.Shared.Contracts.Api.Plans;

namespace AspireMigration.Analyzer.Plans;

/// <summary>A backfill.plans row joined with its approval in force; the SQL aliases match the property names.</summary>
internal sealed class PlanRow
{
    public const string SelectSql = """
        SELECT p.id, p.created_at AS createdat, p.created_by AS createdby, p.prior,
               p.confident_threshold AS confidentthreshold, p.tentative_threshold AS tentativethreshold,
               p.total, p.confident, p.tentative, p.manual_review AS manualreview, p.unassigned,
               p.risks::text AS risks, p.recommendations::text AS recommendations,
               p.analysis_duration_ms AS analysisdurationms,
               a.approved_by AS approvedby, a.approved_at AS approvedat, a.risks_acknowledged AS risksacknowledged
        FROM backfill.plans p
        LEFT JOIN backfill.plan_approvals_in_force a ON a.plan_id = p.id
        """;

    public Guid Id { get; init; }
    public DateTime CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public decimal Prior { get; init; }
    public decimal ConfidentThreshold { get; init; }
    public decimal TentativeThreshold { get; init; }
    public int Total { get; init; }
    public int Confident { get; init; }
    public int Tentative { get; init; }
    public int ManualReview { get; init; }
    public int Unassigned { get; init; }
    public string Risks { get; init; } = "[]";
    public string Recommendations { get; init; } = "[]";
    public double AnalysisDurationMs { get; init; }
    public string? ApprovedBy { get; init; }
    public DateTime? ApprovedAt { get; init; }
    public bool? RisksAcknowledged { get; init; }

    public PlanSummary ToSummary() => new(
        Id,
        new DateTimeOffset(CreatedAt, TimeSpan.Zero),
        CreatedBy,
        new PlanSettings(Prior, ConfidentThreshold, TentativeThreshold),
        new PlanCounts(Total, Confident, Tentative, ManualReview, Unassigned),
        JsonSerializer.Deserialize<string[]>(Risks) ?? [],
        JsonSerializer.Deserialize<string[]>(Recommendations) ?? [],
        AnalysisDurationMs,
        ApprovedBy is null ? null
        : new PlanApproval(ApprovedBy, new DateTimeOffset(ApprovedAt!.Value, TimeSpan.Zero), RisksAcknowledged ?? false));
}
