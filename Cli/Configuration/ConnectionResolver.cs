using System.Text.Json;
using AspireMigration.AppHost.Infrastructure;
using AspireMigration.Shared.Security;

namespace AspireMigration.Cli.Configuration;

/// <summary>
/// Where the services are and which key to present: each value from its flag, else its environment
/// variable, else the config file: the one named by flag or variable, else, inside a checkout, the one
/// its AppHost wrote for the local stack, else the user's own.
/// </summary>
public static class ConnectionResolver
{
    public const string AnalyzerUrlVariable = "ASPIRE_MIGRATION_ANALYZER_URL";
    public const string ExecutorUrlVariable = "ASPIRE_MIGRATION_EXECUTOR_URL";
    public const string KeyVariable = "ASPIRE_MIGRATION_KEY";
    public const string ConfigVariable = "ASPIRE_MIGRATION_CONFIG";

    /// <summary>The name of the file an AppHost writes in its data directory for the local stack.</summary>
    public const string LocalStackFileName = CliConnection.FileName;

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

    /// <summary>An explicit file (flag or variable) must exist; the others are optional.</summary>
    private static CliConnection? ReadConfigFile(GlobalSettings settings, CliEnvironment environment)
    {
        var explicitPath = Nonblank(settings.Config ?? environment.Variable(ConfigVariable));
        var path = explicitPath
            ?? (CheckoutConfigPath(environment.CurrentDirectory) is { } local && File.Exists(local)
                ? local
                : DefaultConfigPath(environment));
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

    /// <summary>
    /// The file the AppHost of the checkout around <paramref name="directory"/> writes at start: its data
    /// directory is derived from the AppHost's path, so each checkout reaches its own stack.
    /// </summary>
    public static string? CheckoutConfigPath(string? directory)
    {
        for (var current = directory is null ? null : new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var appHost = Path.Combine(current.FullName, "AppHost");
            if (File.Exists(Path.Combine(appHost, "AppHost.csproj")))
            {
                return Path.Combine(LocalDataDirectory.Resolve(null, appHost), LocalStackFileName);
            }
        }
        return null;
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
