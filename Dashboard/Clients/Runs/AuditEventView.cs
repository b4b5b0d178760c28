using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients.Runs;

/// <summary>One entry of the run's audit trail; <see cref="Details"/> is the audited message as JSON.</summary>
public sealed record AuditEventView(DateTime OccurredAt, string Actor, string Action, string Details)
{
    internal static AuditEventView From(Generated.AuditEventView audit) => new(
        Required(audit.OccurredAt).UtcDateTime, Required(audit.Actor), Required(audit.Action), Required(audit.Details));
}
