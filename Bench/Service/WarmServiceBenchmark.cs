using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMigration.Analyzer;
using AspireMigration.Bench.Execution;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Demo;
using AspireMigration.Shared.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.Bench.Service;

/// <summary>
/// The seed scenario (18 orphans) analysed by a warm Analyzer, hosted in-process as the service composes itself, on a scratch
/// database: the duration each plan stores, the time an HTTP caller waits for it, and the command line's `plans analyze` as
/// a process of its own, start-up included, against the same service.
/// </summary>
public static class WarmServiceBenchmark
{
    private const int WarmUpAnalyses = 5;

    // The services' client configuration (ServiceApiClientConfiguration.Section, internal to Shared).
    private const string ClientsSection = "ServiceApi:Clients";

    public static async Task<WarmServiceFigures> MeasureAsync(string server, string messaging, int trials)
    {
        await using var database = await ScratchDatabase.CreateAsync(server);
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await new DemoSeeder(dataSource, NullLogger<DemoSeeder>.Instance).SeedAsync(new DemoSeedOptions(0));
            await new ToolSchemaMigrator(dataSource, NullLogger<ToolSchemaMigrator>.Instance).MigrateAsync();
        }
        var (dashboardKey, cliKey) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await using var app = BuildAnalyzer(database.ConnectionString, messaging, dashboardKey, cliKey);
        await app.StartAsync();
        var analyzer = new Uri(app.Urls.First());
        using var http = ServiceApiClient.Create(analyzer, dashboardKey, Roles.Approver);

        // A fresh host runs its first requests in unoptimised code; the figures are those of a service that has been up.
        for (var i = 0; i < WarmUpAnalyses; i++)
        {
            await AnalyseAsync(http);
        }
        var (stored, caller, cli) = (new List<double>(), new List<double>(), new List<double>());
        for (var trial = 0; trial < trials; trial++)
        {
            var started = Stopwatch.GetTimestamp();
            var storedMs = await AnalyseAsync(http);
            caller.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            stored.Add(storedMs);
            cli.Add(await RunCliAnalyzeAsync(analyzer, cliKey));
        }
        await app.StopAsync();
        return new WarmServiceFigures(stored, caller, cli);
    }

    /// <summary>
    /// The Analyzer as its Program composes it, with a client key for the bench (on behalf of an approver) and one for the CLI.
    /// </summary>
    private static WebApplication BuildAnalyzer(string connectionString, string messaging, string dashboardKey, string cliKey)
    {
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { ApplicationName = typeof(AnalyzerExtensions).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:appdb"] = connectionString,
            ["ConnectionStrings:messaging"] = messaging,
            ["Logging:LogLevel:Default"] = "Warning",
            [$"{ClientsSection}:bench:Keys:0"] = dashboardKey,
            [$"{ClientsSection}:bench:OnBehalfOf"] = "true",
            [$"{ClientsSection}:cli:Keys:0"] = cliKey,
            [$"{ClientsSection}:cli:Roles:0"] = Roles.Approver,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAnalyzerService();
        var app = builder.Build();
        app.MapAnalyzerService();
        return app;
    }

    /// <summary>One analysis through the API; returns the duration the plan stored.</summary>
    private static async Task<double> AnalyseAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/api/plans", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("analysisDurationMs").GetDouble();
    }

    /// <summary>`aspire-migration plans analyze --json` as an operator starts it: wall time from process start to exit.</summary>
    private static async Task<double> RunCliAnalyzeAsync(Uri analyzer, string key)
    {
        // Analysing needs only the Analyzer; the Executor's URL is required configuration, never called here.
        var start = new ProcessStartInfo("dotnet",
            [BuiltAssemblies.Cli, "plans", "analyze", "--json",
                "--analyzer-url", analyzer.ToString(), "--executor-url", analyzer.ToString()])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            Environment = { ["ASPIRE_MIGRATION_KEY"] = key },
        };
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the command line.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return process.ExitCode == 0
            ? elapsed
            : throw new InvalidOperationException(
                $"`plans analyze` exited with {process.ExitCode}: {await stderr}{await stdout}");
    }
}
