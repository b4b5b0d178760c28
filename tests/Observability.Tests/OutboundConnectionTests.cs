using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AspireMigration.Shared.Messaging;
using AspireMigration.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMigration.Observability.Tests;

/// <summary>
/// A tool that runs beside production data connects only where its operator pointed it. MassTransit
/// reports usage to its vendor unless told not to; the services' messaging set-up turns that off.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class OutboundConnectionTests(InfrastructureFixture fixture)
{
    [Fact]
    public void The_bus_is_configured_to_send_no_usage_telemetry()
    {
        using var host = BuildHost(fixture.MessagingConnectionString);

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    [Fact]
    public async Task A_running_bus_connects_to_the_configured_broker_and_nowhere_else()
    {
        var broker = new Uri(fixture.MessagingConnectionString);
        var lookups = new ConcurrentQueue<string?>();
        var connections = new ConcurrentQueue<(string? Address, string? Port)>();
        using var listener = new ActivityListener
        {
            // .NET's own sources for every DNS lookup and socket connect the process makes.
            ShouldListenTo = source => source.Name is "Experimental.System.Net.Sockets" or "Experimental.System.Net.NameResolution",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name.EndsWith("NameResolution", StringComparison.Ordinal))
                {
                    lookups.Enqueue(activity.GetTagItem("dns.question.name") as string);
                }
                else
                {
                    connections.Enqueue((
                        activity.GetTagItem("network.peer.address") as string, activity.GetTagItem("network.peer.port")?.ToString()));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var host = BuildHost(fixture.MessagingConnectionString);
        await host.StartAsync();
        await host.Services.GetRequiredService<IBus>().Publish(new OutboundProbe(Guid.NewGuid()));
        await host.StopAsync();

        Assert.NotEmpty(connections);
        Assert.All(lookups, name => Assert.Equal(broker.Host, name));
        Assert.All(connections, connection =>
        {
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(connection.Address!)), $"connected to {connection.Address}");
            Assert.Equal(broker.Port.ToString(CultureInfo.InvariantCulture), connection.Port);
        });
    }

    private static IHost BuildHost(string messaging)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = messaging;
        builder.AddMessaging();
        return builder.Build();
    }
}
