using System.Text.Json.Serialization;

namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>The orders a plan's items can be paged in; ties fall back to session order, so pages never overlap.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanItemSort>))]
public enum PlanItemSort
{
    SessionId,
    Confidence,
    AssignmentType,
    EvidenceEvents,
}
