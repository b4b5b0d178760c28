namespace AspireMigration.Dashboard.Plans;

public sealed record DistributionEntry(Guid ProjectId, string ProjectName, string Status, int Events);
