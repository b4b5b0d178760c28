using AspireMigration.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (the application database) and RabbitMQ: containers, local executables or the user's own.
var infrastructure = builder.AddMigrationInfrastructure();
var serviceApiKey = builder.AddServiceApiKey();

var analyzer = builder.AddProject<Projects.Analyzer>("analyzer")
    .WithInfrastructure(infrastructure)
    .WithServiceApiKey(serviceApiKey)
    .WithHttpHealthCheck("/health");

var executor = builder.AddProject<Projects.Executor>("executor")
    .WithInfrastructure(infrastructure)
    .WithServiceApiKey(serviceApiKey)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Dashboard>("dashboard")
    .WithInfrastructure(infrastructure)
    .WithServiceApiKey(serviceApiKey)
    .WithReference(analyzer).WaitFor(analyzer)
    .WithReference(executor).WaitFor(executor)
    .WithDemoUsers(infrastructure)
    .WithAspireDashboardLink()
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
