namespace AspireMigration.Executor.Api;

public sealed record AuditEventView(long Id, DateTime OccurredAt, string Actor, string Action, string Details);
