using AspireMigration.Analyzer;
using AspireMigration.Analyzer.Cli;
using AspireMigration.Shared.Alerts;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Messaging;
using AspireMigration.Shared.Security;

// `bench` runs without the web host; people and pipelines analyse through the API (the aspire-migration command line).
if (AnalyzerCli.Handles(args))
{
    return await AnalyzerCli.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationDatabase();
builder.AddMessaging();
builder.AddServiceApiSecurity();
builder.AddAlerts(notify: true);
builder.AddAnalyzer();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapAnalyzerEndpoints();

await app.RunAsync();
return 0;
