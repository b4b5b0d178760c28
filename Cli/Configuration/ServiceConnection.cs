namespace AspireMigration.Cli.Configuration;

/// <summary>The resolved connection: both services' base URLs and the key.</summary>
public sealed record ServiceConnection(Uri AnalyzerUrl, Uri ExecutorUrl, string Key);
