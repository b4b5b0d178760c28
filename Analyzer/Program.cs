using AspireMigration.Analyzer;
using AspireMigration.Shared.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddBuildTimeDocumentSettings();

builder.AddAnalyzerService();

var app = builder.Build();

app.MapAnalyzerService();

await app.RunAsync();
return 0;
