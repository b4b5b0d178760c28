namespace AspireMigration.Migrator;

/// <summary>
/// Whether to seed the demo dataset first. Off unless the AppHost asks for it, which it does only
/// for a database it runs itself: a migrator pointed at a real database never seeds.
/// </summary>
public sealed class DemoSeedSettings
{
    public const string Section = "Demo";

    public bool Seed { get; set; }

    public int ScaleOrphans { get; set; }

    public bool Force { get; set; }
}
