using AspireMigration.Dashboard.Clients.Runs;
using AspireMigration.Dashboard.Components.Runs;
using Bunit;

namespace AspireMigration.UnitTests.Dashboard;

/// <summary>The runs lists' "Migrated" cell: a dry run's count is what it would have migrated, and says so.</summary>
public sealed class MigratedCountTests : BunitContext
{
    [Theory]
    [InlineData(false, "1,500")]
    [InlineData(true, "none (1,500 would be)")]
    public void A_dry_run_migrated_none_and_says_how_many_would_be(bool dryRun, string shown)
    {
        var run = new RunView(Guid.NewGuid(), Guid.NewGuid(), "Completed", "operator", dryRun, SkipLowConfidence: false,
            BatchSize: 1000, Included: 1500, Skipped: 0, TotalBatches: 2, CompletedBatches: 2, Migrated: 1500, SkippedChanged: 0,
            RolledBack: 0, Conflicts: 0, Reason: null, BackupTable: null, Warnings: [],
            CreatedAt: new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), FinishedAt: null);

        var cut = Render<MigratedCount>(p => p.Add(c => c.Run, run));

        Assert.Equal(shown, cut.Find("[data-testid=migrated-count]").TextContent);
    }
}
