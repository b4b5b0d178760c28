namespace AspireMigration.AppHost.Infrastructure;

public sealed record CommandLine(string FileName, IReadOnlyList<string> Arguments);
