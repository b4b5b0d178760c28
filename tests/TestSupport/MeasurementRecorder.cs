using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.TestSupport;

/// <summary>
/// Records the measurements of chosen instruments, each with its tags and the Activity current when
/// it was made. Instruments are shared by the whole test process, so a test picks its own: those of
/// one host's IMeterFactory, or those made under one of its spans.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Measured> measurements = new();

    private MeasurementRecorder(Func<Instrument, bool> listensTo)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (listensTo(instrument))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The instruments a host made through its own IMeterFactory.</summary>
    public static MeasurementRecorder ForHost(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        return new MeasurementRecorder(instrument => ReferenceEquals(instrument.Meter.Scope, factory));
    }

    /// <summary>The instruments of the static meter named <paramref name="meterName"/>.</summary>
    public static MeasurementRecorder ForStaticMeter(string meterName) =>
        new(instrument => instrument.Meter.Name == meterName && instrument.Meter.Scope is null);

    public IReadOnlyList<Measured> Of(string instrument) => measurements.Where(m => m.Instrument == instrument).ToList();

    /// <summary>Asks the observable instruments for their values now.</summary>
    public void Observe() => listener.RecordObservableInstruments();

    public void Dispose() => listener.Dispose();

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        measurements.Enqueue(
            new Measured(instrument.Name, Convert.ToDouble(value), tags.ToArray().ToDictionary(t => t.Key, t => t.Value),
                Activity.Current));
}
