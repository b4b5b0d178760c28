namespace AspireMigration.Cli.Api;

/// <summary>A service did not answer (exit code 3).</summary>
public sealed class ServiceUnreachableException(string message, Exception inner) : Exception(message, inner);
