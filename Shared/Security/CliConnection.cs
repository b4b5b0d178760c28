namespace AspireMigration.Shared.Security;

/// <summary>
/// What the command line needs to reach a deployment: the two service APIs and its client's key.
/// The shape of the CLI's config file, which the AppHost writes for the local stack.
/// </summary>
public sealed record CliConnection(string? AnalyzerUrl, string? ExecutorUrl, string? Key)
{
    /// <summary>The file's name in the local stack's data directory.</summary>
    public const string FileName = "cli-config.json";
}
