using AspireMigration.Analyzer.Scoring;
using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Analysis;

/// <summary>The projects table, loaded once per analysis: names for reasoning, status for the active check.</summary>
public static class ProjectCatalog
{
    public static async Task<IReadOnlyDictionary<Guid, ProjectInfo>> LoadAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var projects = await connection.QueryAsync<ProjectInfo>(new CommandDefinition(
            "SELECT id, name, status FROM projects", cancellationToken: cancellationToken));
        return projects.ToDictionary(p => p.Id);
    }
}
