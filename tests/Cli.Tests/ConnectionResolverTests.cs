using System.Text.Json;
using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Tests;

/// <summary>Each value from its flag, else its environment variable, else the config file.</summary>
public sealed class ConnectionResolverTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("aspire-migration-config-").FullName;

    [Fact]
    public void Flags_win_over_environment_variables_which_win_over_the_config_file()
    {
        var file = WriteConfig(new { analyzerUrl = "http://file-analyzer", executorUrl = "http://file-executor", key = "file-key" });
        var environment = Environment(new()
        {
            [ConnectionResolver.ConfigVariable] = file,
            [ConnectionResolver.ExecutorUrlVariable] = "http://env-executor",
            [ConnectionResolver.KeyVariable] = "env-key",
        });

        var connection = ConnectionResolver.Resolve(new GlobalSettings { Key = "flag-key" }, environment);

        Assert.Equal(new ServiceConnection(new Uri("http://file-analyzer"), new Uri("http://env-executor"), "flag-key"), connection);
    }

    [Fact]
    public void The_default_config_file_is_under_the_users_config_directory()
    {
        var home = Path.Combine(directory, "home");
        Directory.CreateDirectory(Path.Combine(home, ".config", "aspire-migration"));
        File.WriteAllText(Path.Combine(home, ".config", "aspire-migration", "config.json"),
            JsonSerializer.Serialize(new { analyzerUrl = "http://a", executorUrl = "http://e", key = "k" }));

        var connection = ConnectionResolver.Resolve(new GlobalSettings(), Environment([], home));

        Assert.Equal(new ServiceConnection(new Uri("http://a"), new Uri("http://e"), "k"), connection);
    }

    [Fact]
    public void Inside_a_checkout_the_config_its_apphost_wrote_wins_over_the_users_own()
    {
        var home = Path.Combine(directory, "home");
        Directory.CreateDirectory(Path.Combine(home, ".config", "aspire-migration"));
        File.WriteAllText(Path.Combine(home, ".config", "aspire-migration", "config.json"),
            JsonSerializer.Serialize(new { analyzerUrl = "http://production", executorUrl = "http://production", key = "k" }));
        var checkout = Path.Combine(directory, "checkout");
        Directory.CreateDirectory(Path.Combine(checkout, "AppHost"));
        File.WriteAllText(Path.Combine(checkout, "AppHost", "AppHost.csproj"), "<Project />");
        var written = ConnectionResolver.CheckoutConfigPath(checkout)!;
        Directory.CreateDirectory(Path.GetDirectoryName(written)!);
        try
        {
            File.WriteAllText(written,
                JsonSerializer.Serialize(new { analyzerUrl = "http://local-a", executorUrl = "http://local-e", key = "local" }));
            var nested = Path.Combine(checkout, "Cli", "bin");
            Directory.CreateDirectory(nested);

            var inCheckout = ConnectionResolver.Resolve(new GlobalSettings(), Environment([], home, nested));
            var elsewhere = ConnectionResolver.Resolve(new GlobalSettings(), Environment([], home, home));

            Assert.Equal(new ServiceConnection(new Uri("http://local-a"), new Uri("http://local-e"), "local"), inCheckout);
            Assert.Equal(new Uri("http://production"), elsewhere.AnalyzerUrl);
            Assert.Equal(written, ConnectionResolver.CheckoutConfigPath(nested));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(written)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{"analyzerUrl":"ftp://x","executorUrl":"http://e","key":"k"}""", "not an http(s) URL")]
    [InlineData("""{"analyzerUrl":"http://a","executorUrl":"http://e"}""", "No API key")]
    public void A_config_file_that_cannot_be_used_is_a_usage_error_naming_the_problem(string content, string message)
    {
        var file = Path.Combine(directory, "config.json");
        File.WriteAllText(file, content);

        var error = Assert.Throws<CliUsageException>(
            () => ConnectionResolver.Resolve(new GlobalSettings { Config = file }, Environment([])));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string WriteConfig(object connection)
    {
        var path = Path.Combine(directory, "config.json");
        File.WriteAllText(path, JsonSerializer.Serialize(connection));
        return path;
    }

    private CliEnvironment Environment(Dictionary<string, string> variables, string? home = null, string? currentDirectory = null) =>
        new(name => variables.GetValueOrDefault(name), HasTerminal: false, OutputIsTerminal: false, TextWriter.Null, TextWriter.Null,
            home ?? directory, currentDirectory ?? directory);
}
