using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Output;
using AspireMigration.Shared.Domain;

namespace AspireMigration.Cli.Commands.Runs;

[Description("A run's audit trail: every request, state change and batch, who and when, oldest first")]
public sealed class AuditRunCommand(CliEnvironment environment) : ServiceCommand<RunIdSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, RunIdSettings settings, CancellationToken cancellationToken)
    {
        var audit = await client.Executor.Runs[settings.RunId].Audit.GetAsync(cancellationToken: cancellationToken);
        // The same sentences as the run page's timeline: the audit keeps each message whole as JSON, which nobody should have to read.
        var events = (audit ?? []).Select(a => RunEvent.From(
            a.OccurredAt?.UtcDateTime ?? DateTime.MinValue, a.Actor ?? "", a.Action ?? "", a.Details)).ToList();
        output.Write(audit, console => console.Write(Tables.Of(events,
            ("Time", e => Display.Text(new DateTimeOffset(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc)))),
            ("By", e => e.Actor),
            ("What", e => e.Title + (e.IsFailure ? " (failure)" : "")),
            ("Detail", e => e.Detail ?? ""))));
        return ExitCodes.Done;
    }
}
