using AspireMigration.Cli.Api;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands;

/// <summary>Projects by name in tables people read: "10000000-…-0001" says nothing to an operator, "frontend-app" does.</summary>
public sealed class ProjectNames(IReadOnlyDictionary<Guid, string> names)
{
    /// <summary>For --json, which prints the API's answer alone: names are only read for tables.</summary>
    public static readonly ProjectNames NotRead = new(new Dictionary<Guid, string>());

    /// <summary>Every project, archived ones and the sentinel included: an item may target any of them.</summary>
    public static async Task<ProjectNames> LoadAsync(ServiceClient client, CancellationToken cancellationToken)
    {
        var projects = await client.Analyzer.Projects.GetAsync(r => r.QueryParameters.IncludeUnassignable = true, cancellationToken);
        return new((projects ?? []).Where(p => p.Id is not null).ToDictionary(p => p.Id!.Value, p => p.Name ?? ""));
    }

    /// <summary>The project's name; its id when no project has it any more; <paramref name="none"/> for no project at all.</summary>
    public string Of(Guid? id, string none = "") =>
        id is not { } project ? none
        : names.TryGetValue(project, out var name) ? name
        : $"{Display.Text(project)} (no such project)";
}
