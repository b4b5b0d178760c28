using AspireMigration.Analyzer;
using AspireMigration.Shared.Alerts;
using AspireMigration.Shared.Api;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Messaging;
using AspireMigration.Shared.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddBuildTimeDocumentSettings();

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
