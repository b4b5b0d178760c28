using System.Globalization;

namespace AspireMigration.Executor.Pacing;

/// <summary>
/// One indicator (e.g. "replication lag") with its value and threshold in the same unit; it trips when the
/// value is over the threshold.
/// </summary>
public sealed record HealthIndicator(string Name, double Value, double Threshold, string Unit)
{
    public bool Tripped => Value > Threshold;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} {Value:0.#} {Unit} {(Tripped ? ">" : "≤")} {Threshold:0.#} {Unit}");
}
