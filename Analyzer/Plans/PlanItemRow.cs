using AspireMigration.Shared.Contracts.Api.Plans;
using System.Text.Json;

namespace AspireMigration.Analyzer.Plans;

/// <summary>A backfill.plan_items row with its distribution and newest decision, the SQL aliases match the property names.</summary>
internal sealed class PlanItemRow
{
    /// <summary>Callers append their WHERE filter on i.plan_id (and more), ORDER BY and paging.</summary>
    public const string SelectSql = """
        SELECT i.session_id AS sessionid, i.assignment_type AS assignmenttype, i.target_project_id AS targetprojectid,
               i.suggested_project_id AS suggestedprojectid, i.confidence, i.events_total AS eventstotal,
               i.evidence_events AS evidenceevents, i.reasoning, i.warnings, i.session_updated_at AS sessionupdatedat,
               i.distribution::text AS distribution,
               dec.decision, dec.target_project_id AS decisiontargetprojectid, dec.decided_by AS decidedby, dec.decided_at AS decidedat
        FROM backfill.plan_items i
        LEFT JOIN LATERAL (
            SELECT x.decision, x.target_project_id, x.decided_by, x.decided_at
            FROM backfill.plan_item_decisions x
            WHERE x.plan_id = i.plan_id AND x.session_id = i.session_id
            ORDER BY x.id DESC LIMIT 1) dec ON true
        """;

    public Guid SessionId { get; init; }
    public string AssignmentType { get; init; } = "";
    public Guid? TargetProjectId { get; init; }
    public Guid? SuggestedProjectId { get; init; }
    public decimal Confidence { get; init; }
    public int EventsTotal { get; init; }
    public int EvidenceEvents { get; init; }
    public string Reasoning { get; init; } = "";
    public string[] Warnings { get; init; } = [];
    public DateTime? SessionUpdatedAt { get; init; }
    public string Distribution { get; init; } = "{}";
    public string? Decision { get; init; }
    public Guid? DecisionTargetProjectId { get; init; }
    public string? DecidedBy { get; init; }
    public DateTime? DecidedAt { get; init; }

    public PlanItem ToItem() => new(
        SessionId,
        AssignmentType,
        TargetProjectId,
        SuggestedProjectId,
        Confidence,
        EventsTotal,
        EvidenceEvents,
        JsonSerializer.Deserialize<Dictionary<string, int>>(Distribution) ?? [],
        Reasoning,
        Warnings,
        SessionUpdatedAt is { } updatedAt ? new DateTimeOffset(updatedAt, TimeSpan.Zero) : null,
        Decision is null ? null
        : new ItemDecision(Decision, DecisionTargetProjectId, DecidedBy!, new DateTimeOffset(DecidedAt!.Value, TimeSpan.Zero)));
}
