using AspireMigration.Analyzer.Scoring;
using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Plans;

/// <summary>The projects an operator may assign a session to: active ones, never the sentinel.</summary>
public sealed class ProjectQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ProjectInfo>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var projects = await connection.QueryAsync<ProjectInfo>(new CommandDefinition(
            "SELECT id, name, status FROM projects WHERE status = 'active' AND id <> @sentinel ORDER BY name",
            new { sentinel = SentinelProject.Id }, cancellationToken: cancellationToken));
        return projects.ToList();
    }
}
