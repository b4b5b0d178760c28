using System.Diagnostics.Metrics;
using AspireMigration.Shared.Telemetry;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Executor.Telemetry;

/// <summary>
/// The Executor's instruments on the "AspireMigration" meter that ServiceDefaults exports. They come
/// from the host's IMeterFactory, so each host has instruments of its own and a listener can tell
/// two hosts in one process apart.
/// </summary>
public sealed class ExecutorMetrics
{
    private readonly Counter<double> throttledTime;

    public ExecutorMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TelemetryNames.AspireMigration);
        SessionsMigrated = meter.CreateCounter<long>("migration.sessions.migrated", "{session}",
            "Sessions a run moved to their target project; its rate is the sessions processed per minute");
        SessionsSkipped = meter.CreateCounter<long>("migration.sessions.skipped", "{session}",
            "Sessions not migrated: excluded, unresolved or changed since analysis");
        SessionsFailed = meter.CreateCounter<long>("migration.sessions.failed", "{session}",
            "Sessions of batches that ended in the error queue");
        Rollbacks = meter.CreateCounter<long>("migration.rollbacks", "{rollback}",
            "Completed rollbacks, automatic (failed validation) or by an operator");
        BatchDuration = meter.CreateHistogram<double>("migration.batch.duration", "ms",
            "Duration of one batch's transaction (redelivered batches are not measured twice)");
        Redispatched = meter.CreateCounter<long>("migration.commands.redispatched", "{command}",
            "Step commands the reconciler sent again for runs that made no progress");
        throttledTime = meter.CreateCounter<double>("migration.run.throttled_time", "s",
            "Time runs spent Throttled because a database health indicator tripped");
    }

    public Counter<long> SessionsMigrated { get; }

    public Counter<long> SessionsSkipped { get; }

    public Counter<long> SessionsFailed { get; }

    public Counter<long> Rollbacks { get; }

    public Histogram<double> BatchDuration { get; }

    public Counter<long> Redispatched { get; }

    /// <summary>
    /// Counts time a run spent Throttled. Call it for each stretch as it ends (or at each re-check, for the part since the
    /// last call) so a rate over the counter reads as throttled seconds per second, whatever the stretch's length.
    /// </summary>
    public void RecordThrottled(TimeSpan duration) => throttledTime.Add(duration.TotalSeconds);
}
