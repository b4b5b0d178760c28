namespace AspireMigration.Cli;

/// <summary>
/// What the command line reads from its process: environment variables, whether a person is at a
/// terminal, where output goes. Tests pass their own, so no test depends on how it was started.
/// </summary>
public sealed record CliEnvironment(
    Func<string, string?> Variable, bool HasTerminal, bool OutputIsTerminal, TextWriter Out, TextWriter Error, string HomeDirectory,
    string? CurrentDirectory = null)
{
    public static CliEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        HasTerminal: !Console.IsInputRedirected && !Console.IsOutputRedirected,
        OutputIsTerminal: !Console.IsOutputRedirected,
        Console.Out,
        Console.Error,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        Environment.CurrentDirectory);
}
