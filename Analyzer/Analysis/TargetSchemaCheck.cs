using AspireMigration.Shared.Domain;

using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Analysis;

/// <summary>Fails fast with a readable message when pointed at a database that is not the application's.</summary>
public static class TargetSchemaCheck
{
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // One round trip for every table: the check runs before each analysis, which should cost milliseconds.
        var missing = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM unnest(@tables) AS name WHERE to_regclass(name) IS NULL", new { tables = TargetTables.All },
            cancellationToken: cancellationToken))).ToList();
        if (missing.Count > 0)
        {
            throw new AnalysisPreconditionException(
                $"The database '{connection.Database}' lacks the target table(s) {string.Join(", ", missing)}; " +
                "is this the application database?");
        }
    }
}
