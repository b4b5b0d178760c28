using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Shared.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over the RabbitMQ broker the AppHost provides. MassTransit adds its own bus
    /// health check, so /health turns unhealthy when the broker is gone.
    /// </summary>
    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configure = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"The connection string '{ConnectionName}' is missing; " +
                $"run the service through the AppHost or set ConnectionStrings__{ConnectionName}.");

        builder.Services.AddMassTransit(bus =>
        {
            // The first formatter registered wins: a service's own (e.g. with a queue prefix) goes first.
            configure?.Invoke(bus);
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit reports usage to its vendor by default; a tool beside production data sends nothing
            // its operator did not configure.
            bus.DisableUsageTelemetry();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                configureBus?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
