namespace AspireMigration.Shared.Contracts.Api.Runs;

public sealed record AuditEventView(long Id, DateTime OccurredAt, string Actor, string Action, string Details);
