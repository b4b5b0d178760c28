namespace AspireMigration.Cli.Api;

/// <summary>The two service APIs the command line talks to.</summary>
public enum Service
{
    Analyzer,
    Executor,
}
