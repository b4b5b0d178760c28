namespace AspireMigration.Analyzer.Plans;

public enum ApprovalOutcome
{
    Approved,
    PlanNotFound,
    AlreadyApproved,
    RisksNotAcknowledged,
}
