using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AspireMigration.Analyzer.Analysis;
using AspireMigration.TestSupport;

namespace AspireMigration.Analyzer.Tests;

/// <summary>An analysis leaves a trace with its plan id and the duration and item metrics.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class TelemetryTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task An_analysis_emits_an_activity_a_duration_and_item_counts()
    {
        var activities = new ConcurrentBag<Activity>();
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Type)>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AnalyzerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(activityListener);
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AnalyzerTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measurements.Add((instrument.Name, value, null)));
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.ToArray().Single(t => t.Key == "assignment.type").Value as string)));
        meterListener.Start();

        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        await db.AddOrphanAsync((p1, 9));
        await db.AddOrphanAsync();
        var plan = await db.AnalyzeAsync();

        var activity = Assert.Single(activities, a => Equals(a.GetTagItem("plan.id"), plan.PlanId));
        Assert.Equal(2, activity.GetTagItem("plan.items"));
        Assert.Contains(measurements, m => m.Instrument == "migration.analysis.duration" && m.Value > 0);
        Assert.Contains(measurements, m => m is { Instrument: "migration.analysis.plan_items", Type: "confident", Value: 1 });
        Assert.Contains(measurements, m => m is { Instrument: "migration.analysis.plan_items", Type: "unassigned", Value: 1 });
    }
}
