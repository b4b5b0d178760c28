using System.Net;
using System.Net.Sockets;

namespace AspireMigration.AppHost.Infrastructure;

/// <summary>
/// The Aspire dashboard's own ports come from launchSettings.json (15080, 19080, 20080), so a second
/// checkout's AppHost would find them taken and its services would send their telemetry to the first
/// one's dashboard. Each port that is taken moves to a free one before the builder reads them, and the
/// operator is told which process holds it and where this AppHost's dashboard is instead.
/// </summary>
public static class DashboardPorts
{
    public static readonly string[] Variables =
        [
            "ASPNETCORE_URLS", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL",
            "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"
        ];

    public static void MoveOffTakenPorts(TextWriter log)
    {
        foreach (var variable in Variables)
        {
            if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } value)
            {
                continue;
            }
            var urls = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var moved = urls.Select(url => MoveIfTaken(variable, url, log)).ToArray();
            Environment.SetEnvironmentVariable(variable, string.Join(';', moved));
        }
    }

    private static string MoveIfTaken(string variable, string url, TextWriter log)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port <= 0 || IsFree(uri.Port))
        {
            return url;
        }
        var replacement = new UriBuilder(uri) { Port = FreePort.Find() }.Uri.ToString().TrimEnd('/');
        log.WriteLine($"Port {uri.Port} ({variable}) is held by {PortOwner.Describe(uri.Port)}; this AppHost uses {replacement} instead.");
        return replacement;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
