using AspireMigration.Analyzer.Analysis;
using Npgsql;

namespace AspireMigration.Analyzer.Cli;

/// <summary>
/// Entry point of the headless verbs. Exit codes: 0 done, 1 the database failed,
/// 2 the command line is wrong. Messages go to stderr, in words an operator can act on.
/// </summary>
public static class AnalyzerCli
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    private static readonly Dictionary<string, Func<IReadOnlyList<string>, TextWriter, CancellationToken, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["bench"] = BenchCommand.RunAsync,
    };

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Verbs[args[0]](args[1..], stdout, cancellationToken);
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}\nusage: {BenchCommand.Usage}");
            return UsageError;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await stderr.WriteLineAsync($"error: the database failed: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");
            return Failed;
        }
        catch (AnalysisPreconditionException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return Failed;
        }
    }
}
