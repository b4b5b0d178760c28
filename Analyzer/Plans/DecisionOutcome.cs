namespace AspireMigration.Analyzer.Plans;

public enum DecisionOutcome
{
    Recorded,
    PlanNotFound,
    ItemNotFound,
    ProjectNotAssignable,
    PlanFrozen,
}
