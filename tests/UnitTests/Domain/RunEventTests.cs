using System.Text.Json;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;

namespace AspireMigration.UnitTests.Domain;

/// <summary>
/// The timeline's and <c>runs audit</c>'s sentences, from audit entries written as the Executor writes them (its messages as
/// web JSON).
/// </summary>
public sealed class RunEventTests
{
    private static readonly DateTime At = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_start_says_how_its_batches_are_sized_not_a_batch_size_an_adaptive_run_does_not_use()
    {
        var adaptive = new RunPacing(Adaptive: true, TargetBatchMs: 300, MinBatch: 500, MaxBatch: 5000, MaxRate: 2500,
            StartAt: new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.FromHours(1)));

        var fixedStart = Event(RunAuditActions.StartRequested, new StartRun(Guid.NewGuid(), Guid.NewGuid(), "operator", BatchSize: 1000));
        var adaptiveStart = Event(RunAuditActions.StartRequested,
            new StartRun(Guid.NewGuid(), Guid.NewGuid(), "operator", SkipLowConfidence: true, BatchSize: 1000, Pacing: adaptive));
        var change = Event(RunAuditActions.PacingChanged, new ChangePacing(Guid.NewGuid(), "operator", RunPacing.Fixed, 5));

        Assert.Equal(("Start requested", "batch size 1,000"), (fixedStart.Title, fixedStart.Detail));
        Assert.Equal("adaptive batches of 500..5,000 sessions, about 300 ms each · at most 2,500 sessions/s · "
            + "not before 2026-12-02 00:00 UTC · skipping tentative items", adaptiveStart.Detail);
        Assert.Equal(("Pacing changed", "batch size 5"), (change.Title, change.Detail));
    }

    [Fact]
    public void A_message_sent_again_names_the_state_and_what_was_sent()
    {
        var resent = Event(RunAuditActions.Redispatched, new { CurrentState = "Paused", Commands = new[] { "ResumeRun" } });
        var batches = Event(RunAuditActions.Redispatched,
            new { CurrentState = "Migrating", Commands = new[] { "MigrateBatch 3", "MigrateBatch 4" } });

        Assert.Equal(("Sent again, unanswered", "while Paused · ResumeRun"), (resent.Title, resent.Detail));
        Assert.Equal("while Migrating · MigrateBatch 3, MigrateBatch 4", batches.Detail);
    }

    [Fact]
    public void A_batch_reads_its_counts_and_duration_as_the_ledger_beside_it_does()
    {
        var done = Event(RunAuditActions.BatchCompleted, new BatchCompleted(Guid.NewGuid(), 3, 1000, 2, 1200.5, "executor-1", false));

        Assert.Equal(("Batch 3 done", "1,000 migrated · 2 changed since analysis · 1,201 ms · on executor-1"),
            (done.Title, done.Detail));
        Assert.Equal(3, done.BatchNumber);
    }

    private static RunEvent Event(string action, object details) =>
        RunEvent.From(At, "operator", action, JsonSerializer.Serialize(details, details.GetType(), JsonSerializerOptions.Web));
}
