namespace AspireMigration.Shared.Demo;

/// <param name="ScaleOrphans">Orphans added on top of the 18-session scenario, each with 20 events.</param>
/// <param name="Force">Re-seed even though the target tables already hold data (their rows are truncated).</param>
public sealed record DemoSeedOptions(int ScaleOrphans = 0, bool Force = false)
{
    public const int MaxScaleOrphans = 10_000_000;

    public void Validate()
    {
        if (ScaleOrphans is < 0 or > MaxScaleOrphans)
        {
            throw new ArgumentOutOfRangeException(nameof(ScaleOrphans), ScaleOrphans,
                $"The demo scale must be between 0 and {MaxScaleOrphans:N0} orphans.");
        }
    }
}
