using AspireMigration.Dashboard.Clients;
using AspireMigration.Dashboard.Components.Shared;
using AspireMigration.Shared.Contracts.Api.Runs;
using Bunit;
using Microsoft.FluentUI.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.UnitTests.Dashboard;

public sealed class RunProgressCardsTests : BunitContext
{
    public RunProgressCardsTests()
    {
        Services.AddFluentUIComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Shows_counts_throughput_and_eta_of_a_running_run()
    {
        // 4 of 10 batches of 1000 done: 6000 sessions left at 3000/min -> two minutes.
        var cut = Render<RunProgressCards>(p => p
            .Add(c => c.Run, Run(state: "Migrating", batchesDone: 4, migrated: 3900, skippedChanged: 100))
            .Add(c => c.SessionsPerMinute, 3000d));

        Assert.Equal("Migrating", cut.Find("[data-testid=run-state]").TextContent);
        Assert.Equal("4 / 10", cut.Find("[data-testid=run-batches]").TextContent);
        Assert.Equal("3900", cut.Find("[data-testid=run-migrated]").TextContent);
        Assert.Equal("100", cut.Find("[data-testid=run-failed]").TextContent);
        Assert.Equal("3000/min", cut.Find("[data-testid=run-throughput]").TextContent);
        Assert.Equal("00:02:00", cut.Find("[data-testid=run-eta]").TextContent);
    }

    [Fact]
    public void Shows_no_eta_before_the_rate_is_known_or_after_the_last_batch()
    {
        var starting = Render<RunProgressCards>(
            p => p.Add(c => c.Run, Run(state: "BackingUp", batchesDone: 0, migrated: 0, skippedChanged: 0)));
        var done = Render<RunProgressCards>(p => p
            .Add(c => c.Run, Run(state: "Completed", batchesDone: 10, migrated: 10_000, skippedChanged: 0))
            .Add(c => c.SessionsPerMinute, 5000d));

        Assert.Equal("—", starting.Find("[data-testid=run-eta]").TextContent);
        Assert.Equal("—", starting.Find("[data-testid=run-throughput]").TextContent);
        Assert.Equal("—", done.Find("[data-testid=run-eta]").TextContent);
    }

    private static RunView Run(string state, int batchesDone, int migrated, int skippedChanged) => new(
        Guid.NewGuid(), Guid.NewGuid(), state, "operator", DryRun: false, SkipLowConfidence: false, BatchSize: 1000,
        Included: 10_000, Skipped: 0, TotalBatches: 10, CompletedBatches: batchesDone, Migrated: migrated, SkippedChanged: skippedChanged,
        RolledBack: 0, Conflicts: 0, Reason: null, BackupTable: null, Warnings: [], CreatedAt: DateTimeOffset.UtcNow,
        UpdatedAt: DateTimeOffset.UtcNow, FinishedAt: null);
}
