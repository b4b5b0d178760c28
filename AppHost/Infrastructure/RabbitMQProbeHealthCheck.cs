using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AspireMigration.AppHost.Infrastructure;

/// <summary>Healthy once the broker accepts an AMQP login.</summary>
internal sealed class RabbitMQProbeHealthCheck(IResourceWithConnectionString broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await broker.GetConnectionStringAsync(cancellationToken);
            var factory = new ConnectionFactory { Uri = new Uri(connectionString!), ClientProvidedName = "aspire-health" };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
