using AspireMigration.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (the application database) and RabbitMQ: containers, local executables or the user's own.
var infrastructure = builder.AddMigrationInfrastructure();
var serviceApiKeys = builder.AddServiceApiKeys();

var analyzer = builder.AddProject<Projects.Analyzer>("analyzer")
    .WithInfrastructure(infrastructure)
    .WithServiceApiClients(serviceApiKeys)
    .WithHttpHealthCheck("/health");

var executor = builder.AddProject<Projects.Executor>("executor")
    .WithInfrastructure(infrastructure)
    .WithServiceApiClients(serviceApiKeys)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Dashboard>("dashboard")
    .WithInfrastructure(infrastructure)
    .WithServiceApiKey(serviceApiKeys)
    .WithReference(analyzer).WaitFor(analyzer)
    .WithReference(executor).WaitFor(executor)
    .WithDemoUsers(infrastructure)
    .WithAspireDashboardLink()
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.WriteCliConfig(serviceApiKeys, analyzer, executor);

builder.Build().Run();
