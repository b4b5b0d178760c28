using AspireMigration.AppHost.Infrastructure;

// A second checkout's AppHost gets its own Aspire dashboard ports instead of reporting to this one's.
DashboardPorts.MoveOffTakenPorts(Console.Out);
var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (the application database) and RabbitMQ: containers, local executables or the user's own.
var infrastructure = builder.AddMigrationInfrastructure();
var serviceApiKeys = builder.AddServiceApiKeys();

// The only writer of the tool schema: seeds a demo database the AppHost runs, migrates, and exits.
// Every service starts after it completed, so the start order shows in the Aspire dashboard.
var migrator = builder.AddProject<Projects.Migrator>("migrator")
    .WithDatabase(infrastructure)
    .WithDemoData(infrastructure);

// No service pins a port (none in launchSettings.json): the orchestrator picks free ones, so a
// second checkout's AppHost can never reach this one's services.
var analyzer = builder.AddProject<Projects.Analyzer>("analyzer")
    .WaitForCompletion(migrator)
    .WithHttpEndpoint()
    .WithInfrastructure(infrastructure)
    .WithServiceApiClients(serviceApiKeys)
    .WithHttpHealthCheck("/health");

var executor = builder.AddProject<Projects.Executor>("executor")
    .WaitForCompletion(migrator)
    .WithHttpEndpoint()
    .WithInfrastructure(infrastructure)
    .WithServiceApiClients(serviceApiKeys)
    .WithHttpHealthCheck("/health");

// The Dashboard starts beside the services rather than after them: a page whose service is not up yet says
// "did not answer" and the next refresh fills it, so waiting for their health would only add their start-up time.
builder.AddProject<Projects.Dashboard>("dashboard")
    .WaitForCompletion(migrator)
    .WithHttpEndpoint()
    .WithInfrastructure(infrastructure)
    .WithServiceApiKey(serviceApiKeys)
    .WithReference(analyzer)
    .WithReference(executor)
    .WithDemoUsers(infrastructure)
    .WithAspireDashboardLink()
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.WriteCliConfig(serviceApiKeys, analyzer, executor);

builder.Build().Run();
