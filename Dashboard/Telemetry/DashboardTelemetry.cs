using System.Diagnostics;
using AspireMigration.Shared.Telemetry;
using OpenTelemetry.Instrumentation.AspNetCore;

namespace AspireMigration.Dashboard.Telemetry;

public static class DashboardTelemetry
{
    private static readonly ActivitySource ActivitySource = new(TelemetryNames.AspireMigration);

    /// <summary>
    /// The root of a run's trace, named for the run once the Executor has accepted it, so the Aspire dashboard
    /// lists it as "Start run …"; a link leads back to the click that asked for it.
    /// </summary>
    public static async Task<Guid> StartRunAsync(Guid planId, Func<Task<Guid>> start)
    {
        var click = Activity.Current?.Context;
        Activity.Current = null;
        using var activity = ActivitySource.StartActivity(
            ActivityKind.Internal, links: click is { } context ? [new ActivityLink(context)] : null, name: "Start run");
        activity?.SetTag("plan.id", planId);
        var runId = await start();
        if (activity is not null)
        {
            activity.DisplayName = $"Start run {runId}";
            activity.SetTag("run.id", runId);
        }
        return runId;
    }

    /// <summary>
    /// Keeps the user's clicks (Blazor's event and navigation spans) and drops what the circuit's SignalR hub
    /// records on its own: a span per hub message and the long-lived /_blazor connection, over a thousand an hour.
    /// </summary>
    public static IHostApplicationBuilder FilterCircuitNoise(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
        {
            options.EnableAspNetCoreSignalRSupport = false;
            var filter = options.Filter;
            options.Filter = context => !context.Request.Path.StartsWithSegments("/_blazor") && (filter?.Invoke(context) ?? true);
        });
        return builder;
    }
}
