using AspireMigration.Executor;
using RabbitMQ.Client;

namespace AspireMigration.Bench.Chaos;

/// <summary>
/// Deletes what an Executor with durable endpoints left on the broker: its queues and the exchanges of the
/// same name bound to them. Left behind, they would keep receiving a copy of every later run's events.
/// </summary>
public static class DurableQueues
{
    public static async Task DeleteAsync(string messaging, string endpointPrefix)
    {
        var factory = new ConnectionFactory { Uri = new Uri(messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in new ExecutorEndpoints(endpointPrefix).QueueNames())
        {
            // Both are no-ops for names never declared (an endpoint that never failed has no error queue).
            await channel.QueueDeleteAsync(name);
            await channel.ExchangeDeleteAsync(name);
        }
    }
}
