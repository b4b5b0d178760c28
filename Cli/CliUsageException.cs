namespace AspireMigration.Cli;

/// <summary>The command line cannot be acted on as given (exit code 2).</summary>
public sealed class CliUsageException(string message) : Exception(message);
