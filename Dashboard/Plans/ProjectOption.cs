namespace AspireMigration.Dashboard.Plans;

public sealed record ProjectOption(Guid Id, string Name);
