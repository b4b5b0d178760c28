using System.Reflection;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Messaging;
using AspireMigration.Shared.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Shared.Api;

/// <summary>
/// The build writes each service's OpenAPI document by starting its entry point under dotnet-getdocument
/// with a server that listens nowhere. Nothing of that run may need PostgreSQL, RabbitMQ or the deployment's
/// settings: registration gets placeholders for the connection strings and key it insists on, and the
/// background workers (the bus, which waits for its broker, the outbox relay, …) are not started at all.
/// </summary>
public static class BuildTimeDocument
{
    public static bool IsGenerating { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static TBuilder AddBuildTimeDocumentSettings<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (IsGenerating)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{ApplicationDatabaseExtensions.ConnectionName}"] = "Host=build-time-document",
                [$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = "amqp://build-time-document",
                [ServiceApiClientConfiguration.LegacyKey] = "build-time-document",
            });
            builder.ConfigureContainer(new WithoutWorkers());
        }
        return builder;
    }

    /// <summary>Drops every hosted service but the web host's own, whose endpoints the document describes.</summary>
    private sealed class WithoutWorkers : IServiceProviderFactory<IServiceCollection>
    {
        private const string WebHostNamespace = "Microsoft.AspNetCore.Hosting";

        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            var workers = services
                .Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Namespace != WebHostNamespace)
                .ToList();
            workers.ForEach(worker => services.Remove(worker));
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();
    }
}
