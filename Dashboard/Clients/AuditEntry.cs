namespace AspireMigration.Dashboard.Clients;

public sealed record AuditEntry(long Id, DateTime OccurredAt, string Actor, string Action, string Details);
