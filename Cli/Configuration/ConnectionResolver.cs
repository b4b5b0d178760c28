using System.Text.Json;
using AspireMigration.Shared.Security;

namespace AspireMigration.Cli.Configuration;

/// <summary>
/// Where the services are and which key to present: each value from its flag, else its environment
/// variable, else the config file (the AppHost writes one for the local stack).
/// </summary>
public static class ConnectionResolver
{
    public const string AnalyzerUrlVariable = "ASPIRE_MIGRATION_ANALYZER_URL";
    public const string ExecutorUrlVariable = "ASPIRE_MIGRATION_EXECUTOR_URL";
    public const string KeyVariable = "ASPIRE_MIGRATION_KEY";
    public const string ConfigVariable = "ASPIRE_MIGRATION_CONFIG";

    public static ServiceConnection Resolve(GlobalSettings settings, CliEnvironment environment)
    {
        var file = ReadConfigFile(settings, environment);
        return new ServiceConnection(
            Url("Analyzer", settings.AnalyzerUrl ?? environment.Variable(AnalyzerUrlVariable) ?? file?.AnalyzerUrl, "--analyzer-url",
                AnalyzerUrlVariable),
            Url("Executor", settings.ExecutorUrl ?? environment.Variable(ExecutorUrlVariable) ?? file?.ExecutorUrl, "--executor-url",
                ExecutorUrlVariable),
            Nonblank(settings.Key ?? environment.Variable(KeyVariable) ?? file?.Key)
                ?? throw new CliUsageException($"No API key: pass --key, set {KeyVariable} or write \"key\" in the config file."));
    }

    /// <summary>An explicit file (flag or variable) must exist; the default one is optional.</summary>
    private static CliConnection? ReadConfigFile(GlobalSettings settings, CliEnvironment environment)
    {
        var explicitPath = Nonblank(settings.Config ?? environment.Variable(ConfigVariable));
        var path = explicitPath ?? DefaultConfigPath(environment);
        if (!File.Exists(path))
        {
            return explicitPath is null ? null : throw new CliUsageException($"The config file {path} does not exist.");
        }
        try
        {
            return JsonSerializer.Deserialize<CliConnection>(File.ReadAllText(path), JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"The config file {path} is not valid JSON: {e.Message}");
        }
    }

    public static string DefaultConfigPath(CliEnvironment environment) => Path.Combine(
        Nonblank(environment.Variable("XDG_CONFIG_HOME")) ?? Path.Combine(environment.HomeDirectory, ".config"), "aspire-migration",
        "config.json");

    private static Uri Url(string service, string? value, string flag, string variable) =>
        Nonblank(value) is not { } text
            ? throw new CliUsageException($"Where is the {service}? Pass {flag}, set {variable} or write it in the config file.")
            : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new CliUsageException($"The {service} URL '{text}' is not an http(s) URL.");

    private static string? Nonblank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
