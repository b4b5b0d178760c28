namespace AspireMigration.Bench.Tests;

/// <summary>The bench's command line in-process, with what it printed to each stream.</summary>
public static class BenchRun
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
