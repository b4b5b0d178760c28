using AspireMigration.Migrator;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Demo;

// Runs once before the services (they WaitForCompletion on it in the AppHost) and exits:
// 0 when the database is ready for this build, 1 with the reason in its log otherwise.
var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource(ApplicationDatabaseExtensions.ConnectionName);
builder.Services.AddOptions<DemoSeedSettings>().BindConfiguration(DemoSeedSettings.Section);
builder.Services.AddSingleton<DemoSeeder>();
builder.Services.AddSingleton<ToolSchemaMigrator>();
builder.Services.AddHostedService<MigrationWorker>();

builder.Build().Run();
