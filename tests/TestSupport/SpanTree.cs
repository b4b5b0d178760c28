using System.Diagnostics;
using Xunit;

namespace AspireMigration.TestSupport;

/// <summary>Checks recorded spans (an in-memory exporter's list) as one trace.</summary>
public static class SpanTree
{
    /// <summary>
    /// Stands for a Dashboard click: Blazor starts each event's span as a new root (not under the
    /// circuit's long-lived connection) on this source under this name. ServiceDefaults' ASP.NET Core
    /// instrumentation listens to it; without a listener there would be no root at all.
    /// </summary>
    private static readonly ActivitySource Blazor = new("Microsoft.AspNetCore.Components");

    public const string DashboardEvent = "Microsoft.AspNetCore.Components.HandleEvent";

    public static Activity StartDashboardEvent()
    {
        var click = Blazor.StartActivity(DashboardEvent);
        Assert.NotNull(click);
        return click;
    }

    /// <summary>
    /// The spans of <paramref name="traceId"/>, asserted to be one tree: unique ids, a single root (the
    /// Dashboard event), and every other span's parent among them.
    /// </summary>
    public static IReadOnlyList<Activity> Of(IEnumerable<Activity> spans, ActivityTraceId traceId)
    {
        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        Assert.Equal(trace.Count, ids.Count);
        var root = Assert.Single(trace, s => s.ParentSpanId == default);
        Assert.Equal(DashboardEvent, root.OperationName);
        var dump = string.Join(Environment.NewLine, trace.Select(Describe));
        Assert.All(trace.Where(s => s != root),
            s => Assert.True(ids.Contains(s.ParentSpanId), "Parent missing: " + Describe(s) + Environment.NewLine + dump));
        return trace;
    }

    public static Activity ParentOf(IReadOnlyList<Activity> trace, Activity span) => trace.Single(s => s.SpanId == span.ParentSpanId);

    public static string Describe(Activity span) =>
        $"{span.Source.Name} {span.Kind} '{span.DisplayName}' {span.SpanId} <- {span.ParentSpanId} "
        + $"[{string.Join(", ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"))}]";
}
