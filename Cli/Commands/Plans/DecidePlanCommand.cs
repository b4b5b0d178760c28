using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Plans;

[Description("Exclude, include or assign one item of a plan (Approver)")]
public sealed class DecidePlanCommand(CliEnvironment environment) : ServiceCommand<DecidePlanCommand.Settings>(environment)
{
    private static readonly string[] Decisions = ["exclude", "include", "assign"];

    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<PLAN>")]
        public string PlanId { get; init; } = "";

        [CommandArgument(1, "<SESSION>")]
        public string SessionId { get; init; } = "";

        [CommandArgument(2, "<DECISION>")]
        [Description("exclude, include or assign")]
        public string Decision { get; init; } = "";

        [CommandArgument(3, "[PROJECT]")]
        [Description("For assign: the target project's id or name")]
        public string? Project { get; init; }

        public override ValidationResult Validate() =>
            !Decisions.Contains(Decision)
            ? ValidationResult.Error($"The decision must be one of {string.Join(", ", Decisions)}, not '{Decision}'.")
            : (Decision == "assign") != (Project is not null)
                ? ValidationResult.Error("assign needs a PROJECT; exclude and include take none.")
            : ValidationResult.Success();
    }

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, Settings settings, CancellationToken cancellationToken)
    {
        var target = settings.Project is null ? (Guid?)null : await ProjectIdAsync(client, settings.Project, cancellationToken);
        await client.SendAsync(HttpMethod.Post, Service.Analyzer,
            $"/api/plans/{Uri.EscapeDataString(settings.PlanId)}/items/{Uri.EscapeDataString(settings.SessionId)}/decision",
            new { decision = settings.Decision, targetProjectId = target }, cancellationToken);
        output.Say(Markup.Escape(
            $"Recorded {settings.Decision} for session {settings.SessionId}" + (target is null ? "." : $" to project {target}.")));
        return ExitCodes.Done;
    }

    /// <summary>An id is taken as given (the Analyzer checks it); a name must match one active project.</summary>
    private static async Task<Guid> ProjectIdAsync(ServiceClient client, string project, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(project, out var id))
        {
            return id;
        }
        var matches = (await client.GetAsync(Service.Analyzer, "/api/projects", cancellationToken)).Items()
            .Where(p => string.Equals(p.Text("name"), project, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1
            ? Guid.Parse(matches[0].Text("id"))
            : throw new CliUsageException(
                $"'{project}' names {(matches.Count == 0 ? "no" : "more than one")} active project; pass its id.");
    }
}
