using AspireMigration.Shared.Domain;

using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Analysis;

/// <summary>Fails fast with a readable message when pointed at a database that is not the application's.</summary>
public static class TargetSchemaCheck
{
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var table in TargetTables.All)
        {
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT to_regclass(@name) IS NOT NULL", new { name = table }, cancellationToken: cancellationToken)))
            {
                missing.Add(table);
            }
        }
        if (missing.Count > 0)
        {
            throw new AnalysisPreconditionException(
                $"The database '{connection.Database}' lacks the target table(s) {string.Join(", ", missing)}; " +
                "is this the application database?");
        }
    }
}
