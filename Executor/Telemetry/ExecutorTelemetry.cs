using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Executor.Telemetry;

/// <summary>The Executor's traces and metrics, under the name ServiceDefaults exports ("AspireMigration").</summary>
public static class ExecutorTelemetry
{
    public static readonly ActivitySource ActivitySource = new(Extensions.AspireMigrationTelemetryName);

    private static readonly Meter Meter = new(Extensions.AspireMigrationTelemetryName);

    public static readonly Counter<long> SessionsMigrated = Meter.CreateCounter<long>("aspiremigration.sessions.migrated", "{session}");
    public static readonly Counter<long> SessionsSkipped = Meter.CreateCounter<long>("aspiremigration.sessions.skipped", "{session}", "Sessions not migrated: excluded, unresolved or changed since analysis");
    public static readonly Counter<long> SessionsFailed = Meter.CreateCounter<long>("aspiremigration.sessions.failed", "{session}", "Sessions of batches that ended in the error queue");
    public static readonly Counter<long> Rollbacks = Meter.CreateCounter<long>("aspiremigration.rollbacks", "{rollback}");
    public static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("aspiremigration.batch.duration", "ms");

    public static Activity? StartStep(string name, Guid runId, int? batchNumber = null)
    {
        var activity = ActivitySource.StartActivity(name);
        activity?.SetTag("run.id", runId);
        if (batchNumber is not null)
        {
            activity?.SetTag("batch.number", batchNumber);
        }
        return activity;
    }
}
