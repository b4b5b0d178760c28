namespace AspireMigration.Analyzer.Plans;

public enum WithdrawalOutcome
{
    Withdrawn,
    PlanNotFound,
    NotApproved,
    RunActive,
}
