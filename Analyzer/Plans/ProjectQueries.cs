using AspireMigration.Shared.Contracts.Api.Plans;
using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Plans;

/// <summary>
/// The projects an operator may assign a session to (active ones, never the sentinel), or every
/// project, so a reader can name the inactive and deleted ones a plan's evidence points at.
/// </summary>
public sealed class ProjectQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ProjectView>> ListAsync(bool includeUnassignable, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var projects = await connection.QueryAsync<ProjectView>(new CommandDefinition(
            "SELECT id, name, status FROM projects WHERE @includeUnassignable OR (status = 'active' AND id <> @sentinel) ORDER BY name, id",
            new { includeUnassignable, sentinel = SentinelProject.Id }, cancellationToken: cancellationToken));
        return projects.AsList();
    }
}
