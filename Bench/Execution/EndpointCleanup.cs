using AspireMigration.Executor;
using RabbitMQ.Client;

namespace AspireMigration.Bench.Execution;

/// <summary>
/// Deletes what the bench's Executors left on the broker under their prefix: durable queues (the chaos bench's outlive
/// their consumers), the exchanges of the same name bound to them, and the message exchanges, which outlive every queue.
/// </summary>
public static class EndpointCleanup
{
    public static async Task DeleteAsync(string messaging, string endpointPrefix)
    {
        var factory = new ConnectionFactory { Uri = new Uri(messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var endpoints = new ExecutorEndpoints(endpointPrefix);
        foreach (var name in endpoints.QueueNames())
        {
            // Both are no-ops for names never declared (an endpoint that never failed has no error queue).
            await channel.QueueDeleteAsync(name);
            await channel.ExchangeDeleteAsync(name);
        }
        foreach (var name in endpoints.MessageExchangeNames())
        {
            await channel.ExchangeDeleteAsync(name);
        }
    }
}
