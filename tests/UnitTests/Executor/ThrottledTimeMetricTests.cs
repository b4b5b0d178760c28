using AspireMigration.Executor.Telemetry;
using AspireMigration.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.UnitTests.Executor;

/// <summary>What the pacing side reports through <see cref="ExecutorMetrics.RecordThrottled"/> is the counter's seconds.</summary>
public sealed class ThrottledTimeMetricTests
{
    [Fact]
    public void Each_throttled_stretch_adds_its_seconds_to_the_throttled_time_counter()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<ExecutorMetrics>().BuildServiceProvider();
        using var recorder = MeasurementRecorder.ForHost(services);
        var metrics = services.GetRequiredService<ExecutorMetrics>();

        metrics.RecordThrottled(TimeSpan.FromSeconds(12.5));
        metrics.RecordThrottled(TimeSpan.FromMilliseconds(250));

        Assert.Equal([12.5, 0.25], recorder.Of("migration.run.throttled_time").Select(m => m.Value));
    }
}
