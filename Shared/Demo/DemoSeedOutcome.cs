namespace AspireMigration.Shared.Demo;

public enum DemoSeedOutcome
{
    Seeded,
    SkippedExistingData,
}
