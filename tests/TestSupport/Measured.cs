using System.Diagnostics;

namespace AspireMigration.TestSupport;

/// <summary>One measurement as <see cref="MeasurementRecorder"/> saw it.</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags, Activity? Activity)
{
    /// <summary>Whether the span current at the measurement, or one of its in-process parents, carries the tag.</summary>
    public bool Under(string tag, object value)
    {
        for (var activity = Activity; activity is not null; activity = activity.Parent)
        {
            if (Equals(activity.GetTagItem(tag), value))
            {
                return true;
            }
        }
        return false;
    }
}
