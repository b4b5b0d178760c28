using System.Diagnostics;
using AspireMigration.Shared.Telemetry;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Executor.Telemetry;

/// <summary>The Executor's traces, under the ActivitySource name ServiceDefaults exports ("AspireMigration").</summary>
public static class ExecutorTelemetry
{
    public static readonly ActivitySource ActivitySource = new(TelemetryNames.AspireMigration);

    /// <summary>
    /// A step's span. It runs inside MassTransit's consume span, so it joins the run's one trace; the tags
    /// let the Aspire dashboard find every step of a run or a plan.
    /// </summary>
    public static Activity? StartStep(string name, Guid runId, Guid planId, int? batchNumber = null)
    {
        var activity = ActivitySource.StartActivity(name);
        activity?.SetTag("run.id", runId);
        activity?.SetTag("plan.id", planId);
        if (batchNumber is not null)
        {
            activity?.SetTag("batch.number", batchNumber);
        }
        return activity;
    }
}
