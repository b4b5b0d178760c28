namespace AspireMigration.TestSupport;

/// <summary>A command-line entry point run in-process, with what it printed to each stream.</summary>
public static class CommandLineRun
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(Func<TextWriter, TextWriter, Task<int>> main)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await main(stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
