using System.ComponentModel;
using AspireMigration.ApiClients.Analyzer.Models;
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
        var plan = PlanText.Id(settings.PlanId);
        var session = Guid.TryParse(settings.SessionId, out var id) ? id
            : throw new CliUsageException($"'{settings.SessionId}' is not a session id.");
        // Only an active project may be assigned, so this one list both resolves a name and names the target afterwards.
        var active = settings.Project is null ? []
            : await client.Analyzer.Projects.GetAsync(cancellationToken: cancellationToken) ?? [];
        var target = settings.Project is null ? (Guid?)null : ProjectId(active, settings.Project);
        await client.Analyzer.Plans[plan].Items[session].Decision.PostAsync(new DecisionRequest
        {
            Decision = WordOptions.Parse<DecisionRequest_decision>(settings.Decision, "The decision"),
            TargetProjectId = target,
        }, cancellationToken: cancellationToken);
        var project = target is null ? "" : $" to project {active.FirstOrDefault(p => p.Id == target)?.Name} ({target})";
        output.Say(Markup.Escape($"Recorded {settings.Decision} for session {settings.SessionId}{project}."));
        return ExitCodes.Done;
    }

    /// <summary>An id is taken as given (the Analyzer checks it); a name must match one active project.</summary>
    private static Guid ProjectId(IEnumerable<ProjectView> active, string project)
    {
        if (Guid.TryParse(project, out var id))
        {
            return id;
        }
        var matches = active.Where(p => string.Equals(p.Name, project, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches is [{ Id: { } match }]
            ? match
            : throw new CliUsageException(
                $"'{project}' names {(matches.Count == 0 ? "no" : "more than one")} active project; pass its id.");
    }
}
