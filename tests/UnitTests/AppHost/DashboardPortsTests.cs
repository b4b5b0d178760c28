using System.Net;
using System.Net.Sockets;
using AspireMigration.AppHost.Infrastructure;

namespace AspireMigration.UnitTests.AppHost;

/// <summary>A second checkout's AppHost never reports to the first one's Aspire dashboard.</summary>
public sealed class DashboardPortsTests
{
    private const string Variable = "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL";

    [Fact]
    public void A_taken_port_moves_to_a_free_one_and_the_log_names_the_process_holding_it()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;
        var log = new StringWriter();

        var moved = WithVariable($"http://localhost:{taken}", () => DashboardPorts.MoveOffTakenPorts(log));

        var port = new Uri(moved!).Port;
        Assert.NotEqual(taken, port);
        Assert.Contains($"Port {taken} ({Variable}) is held by process {Environment.ProcessId} (", log.ToString());
        Assert.Contains($"uses http://localhost:{port} instead", log.ToString());
    }

    [Fact]
    public void A_free_port_is_kept_so_the_dashboard_stays_where_people_bookmarked_it()
    {
        var free = FreePort.Find();
        var log = new StringWriter();

        var kept = WithVariable($"http://localhost:{free}", () => DashboardPorts.MoveOffTakenPorts(log));

        Assert.Equal($"http://localhost:{free}", kept);
        Assert.Empty(log.ToString());
    }

    private static string? WithVariable(string value, Action act)
    {
        var before = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, value);
        try
        {
            act();
            return Environment.GetEnvironmentVariable(Variable);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, before);
        }
    }
}
