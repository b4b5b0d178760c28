using AspireMigration.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (the application database) and RabbitMQ: containers, local executables or the user's own.
var infrastructure = builder.AddMigrationInfrastructure();
var serviceApiKey = builder.AddServiceApiKey();

// No service pins a port (none in launchSettings.json): the orchestrator picks free ones, so a
// second checkout's AppHost can never reach this one's services.
var analyzer = builder.AddProject<Projects.Analyzer>("analyzer")
    .WithHttpEndpoint()
    .WithInfrastructure(infrastructure)
    .WithServiceApiKey(serviceApiKey)
    .WithHttpHealthCheck("/health");

var executor = builder.AddProject<Projects.Executor>("executor")
    .WithHttpEndpoint()
    .WithInfrastructure(infrastructure)
    .WithServiceApiKey(serviceApiKey)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Dashboard>("dashboard")
    .WithHttpEndpoint()
    .WithInfrastructure(infrastructure)
    .WithServiceApiKey(serviceApiKey)
    .WithReference(analyzer).WaitFor(analyzer)
    .WithReference(executor).WaitFor(executor)
    .WithDemoUsers(infrastructure)
    .WithAspireDashboardLink()
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
