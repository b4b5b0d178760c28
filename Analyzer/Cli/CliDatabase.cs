using Npgsql;

namespace AspireMigration.Analyzer.Cli;

/// <summary>Turns the --connection option into a data source, with a usage error for a malformed string.</summary>
public static class CliDatabase
{
    public static NpgsqlDataSource Open(string connectionString)
    {
        try
        {
            return new NpgsqlDataSourceBuilder(connectionString).Build();
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"The connection string is invalid: {e.Message}");
        }
    }
}
