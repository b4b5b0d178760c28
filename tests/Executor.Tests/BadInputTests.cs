using System.Text;
using AspireMigration.Executor.Consumers;
using AspireMigration.TestSupport;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AspireMigration.Executor.Tests;

/// <summary>Input the Executor must refuse without changing anything or stopping: broken messages, and a database that is not the target.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class BadInputTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Malformed_and_oversized_messages_end_in_the_error_queue_and_the_next_run_completes()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var prefix = ExecutorApp.NewEndpointPrefix();
        await using var app = new ExecutorApp(scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey, prefix);
        var client = new RunClient(app.CreateClient());
        var queue = new KebabCaseEndpointNameFormatter(prefix, false).Consumer<MigrateBatchConsumer>();

        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.MessagingConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclarePassiveAsync(queue);
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
            await channel.BasicPublishAsync("", queue, true, properties, Encoding.UTF8.GetBytes("{ \"messageType\": [\"urn:message:"));
            await channel.BasicPublishAsync("", queue, true, properties, Encoding.UTF8.GetBytes("{\"message\": \"" + new string('x', 8 * 1024 * 1024) + "\"}"));
        }

        using (var timeout = new CancellationTokenSource(RunClient.Timeout))
        {
            while (await MessageCountAsync(connection, queue + "_error") < 2)
            {
                await Task.Delay(200, timeout.Token);
            }
        }
        Assert.Equal(0u, await MessageCountAsync(connection, queue));

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync()));
        Assert.Equal(("Completed", 15), (run.State, run.Migrated));
        await RunConsistency.AssertAsync(scenario, run);
    }

    /// <summary>The messages waiting in a queue; 0 while the queue does not exist (MassTransit creates the error queue on its first message).</summary>
    private static async Task<uint> MessageCountAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}
