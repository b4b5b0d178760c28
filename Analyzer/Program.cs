using AspireMigration.Analyzer;

var builder = WebApplication.CreateBuilder(args);

builder.AddAnalyzerService();

var app = builder.Build();

app.MapAnalyzerService();

await app.RunAsync();
return 0;
