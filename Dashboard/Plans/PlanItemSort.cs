namespace AspireMigration.Dashboard.Plans;

public enum PlanItemSort
{
    SessionId,
    Confidence,
    AssignmentType,
    EvidenceEvents,
}
