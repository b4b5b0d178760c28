namespace AspireMigration.Executor.Pacing;

/// <summary>Settings of section "Executor:DispatchGate": how often a run reads health and looks again at its gate.</summary>
public sealed class DispatchGateOptions
{
    public const string Section = "Executor:DispatchGate";

    /// <summary>A health reading younger than this answers for every batch dispatched meanwhile: one query per run per interval.</summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the recheck service looks for runs whose RecheckAt has come.</summary>
    public TimeSpan RecheckPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait of a throttled run; it doubles at each tripped re-check, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
}
