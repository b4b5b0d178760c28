namespace AspireMigration.Analyzer.Cli;

/// <summary>The command line is wrong; the CLI prints the message with the usage and exits 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
