using System.Net.Http.Json;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// Every message of a run, one at a time, lost by the broker or handled twice because its process died between its commit
/// and its acknowledgement: the run still ends as it would have, every session changed once and the ledger exact. Lost
/// messages are recovered by the stalled-run reconciler (its timeout cut to a second here), an operator's lost request from
/// the API's record of it, duplicates by idempotent steps and a saga that counts each batch once.
/// </summary>
[Collection(MessageFaultCollection.Name)]
public sealed class MessageFaultTests(InfrastructureFixture infrastructure)
{
    private const int BatchSize = 4;

    public static TheoryData<Type, FaultKind> RunMessages => Faults(typeof(StartRun),
        typeof(PreFlightRun), typeof(PreFlightPassed), typeof(BackupRun), typeof(BackupCompleted), typeof(MigrateBatch),
        typeof(BatchCompleted), typeof(ValidateRun), typeof(ValidationPassed));

    public static TheoryData<Type, FaultKind> RollbackMessages =>
        Faults(typeof(RollbackRun), typeof(RestoreRun), typeof(RollbackCompleted));

    public static TheoryData<Type, FaultKind> FailedValidationMessages =>
        StartTwiceAndFaults(typeof(ValidationFailed), typeof(RestoreRun), typeof(RollbackCompleted));

    public static TheoryData<Type, FaultKind> RefusedRunMessages => StartTwiceAndFaults(typeof(PreFlightRun), typeof(PreFlightFailed));

    public static TheoryData<Type, FaultKind> OperatorCommands => Faults(typeof(PauseRun), typeof(ChangePacing), typeof(ResumeRun));

    public static TheoryData<Type, FaultKind> CancelMessages => Faults(typeof(CancelRun));

    // A batch that fails on every delivery ends the run (its fault is the saga's event), the claim is released, and the
    // operator's retry reclaims the database and sends the batches again once the cause is fixed.
    public static TheoryData<Type, FaultKind> RetriedRunMessages =>
        Faults(typeof(RetryRun), typeof(Fault<MigrateBatch>), typeof(ReleaseRun), typeof(ReclaimRun), typeof(RunReclaimed));

    public static TheoryData<Type, FaultKind> DryRunMessages => StartTwiceAndFaults(typeof(DryRunMigration), typeof(DryRunCompleted));

    // Scheduled an hour from now, a run backs up and then waits at its first batch, where it takes every command.
    private static RunPacing Later => RunPacing.Fixed with { StartAt = DateTimeOffset.UtcNow.AddHours(1) };

    [Theory]
    [MemberData(nameof(RunMessages))]
    public async Task A_run_migrates_every_session_once_whatever_message_is_lost_or_handled_twice(Type message, FaultKind kind)
    {
        await using var context = await StartAsync(message, kind);

        var run = await RunAsync(context);

        await AssertStruckAndRecoveredAsync(context, run.RunId);
        Assert.Equal(("Completed", 15, 15 / BatchSize + 1), (run.State, run.Migrated, run.CompletedBatches));
        await RunConsistency.AssertAsync(context.Scenario, run);
        await context.Scenario.AssertSeedPlanAppliedAsync();
    }

    [Fact]
    public async Task Requests_the_broker_refused_are_accepted_and_carried_out_by_the_reconciler()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure, settings: Settings, configureServices: services =>
            services.AddScoped<IPublishEndpoint, RefusingPublishEndpoint>());

        var run = await PauseRepaceAndResumeAsync(context, await StartWaitingRunAsync(context));

        Assert.Equal(("Completed", 15, 3), (run.State, run.Migrated, run.CompletedBatches));
        var resent = (await context.Client.AuditAsync(run.RunId)).Where(e => e.Action == RunAuditActions.Redispatched).ToList();
        Assert.Contains(resent, e => e.Details.Contains("\"Requested\"") && e.Details.Contains(nameof(StartRun)));
        Assert.All(new[] { nameof(PauseRun), nameof(ChangePacing), nameof(ResumeRun) },
            request => Assert.Contains(resent, e => e.Details.Contains(request)));
        await RunConsistency.AssertAsync(context.Scenario, run);
    }

    [Fact]
    public async Task A_start_the_broker_refused_is_pending_at_once_and_takes_no_command_before_it_runs()
    {
        // The reconciler held off (a stall timeout of ten minutes): the start stays recorded and unsent.
        await using var context = await ExecutorTestContext.StartAsync(infrastructure,
            settings: new Dictionary<string, string>(Settings) { ["Executor:StallTimeout"] = "00:10:00" },
            configureServices: services => services.AddScoped<IPublishEndpoint, RefusingPublishEndpoint>());
        var planId = await context.Scenario.InsertPlanAsync();

        var runId = await context.Client.StartAsync(planId, batchSize: BatchSize);

        var pending = await context.Client.GetAsync(runId);
        Assert.Equal((RunStates.Pending, planId, BatchSize, 0), (pending!.State, pending.PlanId, pending.BatchSize, pending.Migrated));
        Assert.Contains(await context.Client.Http.GetFromJsonAsync<List<RunView>>("/api/runs") ?? [],
            run => run.RunId == runId && run.State == RunStates.Pending);
        await context.Client.AssertRefusedAsync(runId, "cancel", "Cannot cancel this run", $"Run {runId} is Pending");
    }

    [Theory]
    [MemberData(nameof(OperatorCommands))]
    public async Task A_paused_repaced_and_resumed_run_migrates_every_session_once_whatever_command_is_lost_or_handled_twice(
        Type message, FaultKind kind)
    {
        await using var context = await StartAsync(message, kind);

        var run = await PauseRepaceAndResumeAsync(context, await StartWaitingRunAsync(context));

        await AssertStruckAndRecoveredAsync(context, run.RunId);
        Assert.Equal((15, 3), (run.Migrated, run.CompletedBatches));
        await RunConsistency.AssertAsync(context.Scenario, run);
        await context.Scenario.AssertSeedPlanAppliedAsync();
    }

    [Fact]
    public async Task A_lost_pacing_change_is_not_sent_again_over_a_later_one()
    {
        await using var context = await StartAsync(typeof(ChangePacing), FaultKind.Lost);
        var runId = await StartWaitingRunAsync(context);

        (await context.Client.Http.PutAsJsonAsync($"/api/runs/{runId}/pacing", new ChangePacingRequest(Later, 7)))
            .EnsureSuccessStatusCode();
        (await context.Client.Http.PutAsJsonAsync($"/api/runs/{runId}/pacing", new ChangePacingRequest(Later, 5)))
            .EnsureSuccessStatusCode();

        // The later change, handled, deleted the record of the lost one with its own: nothing is left to send again.
        await context.Scenario.WaitUntilAsync(
            $"SELECT NOT EXISTS (SELECT 1 FROM backfill.run_requests WHERE run_id = '{runId}')");
        Assert.True(context.Services.GetRequiredService<MessageFault>().Struck);
        Assert.Equal(5, (await context.Client.GetAsync(runId))!.BatchSize);
        Assert.DoesNotContain(await context.Client.AuditAsync(runId),
            e => e.Action == RunAuditActions.Redispatched && e.Details.Contains(nameof(ChangePacing)));
    }

    [Theory]
    [MemberData(nameof(CancelMessages))]
    public async Task A_cancelled_run_changes_nothing_whatever_command_is_lost_or_handled_twice(Type message, FaultKind kind)
    {
        await using var context = await StartAsync(message, kind);
        var before = await context.Scenario.SeedRowsAsync();
        var runId = await StartWaitingRunAsync(context);

        (await context.Client.CommandAsync(runId, "cancel")).EnsureSuccessStatusCode();
        var run = await context.Client.WaitAsync(runId, "Cancelled");

        await AssertStruckAndRecoveredAsync(context, run.RunId);
        Assert.Equal((0, 0), (run.Migrated, run.Conflicts));
        await RunConsistency.AssertAsync(context.Scenario, run);
        Assert.Equal(before, await context.Scenario.SeedRowsAsync());
    }

    [Theory]
    [MemberData(nameof(RollbackMessages))]
    public async Task A_rollback_restores_every_session_once_whatever_message_is_lost_or_handled_twice(Type message, FaultKind kind)
    {
        await using var context = await StartAsync(message, kind);
        var completed = await RunAsync(context);

        (await context.Client.CommandAsync(completed.RunId, "rollback")).EnsureSuccessStatusCode();
        var run = await context.Client.WaitAsync(completed.RunId, "RolledBack");

        await AssertStruckAndRecoveredAsync(context, run.RunId);
        Assert.Equal(("RolledBack", 15, 0), (run.State, run.RolledBack, run.Conflicts));
        await RunConsistency.AssertAsync(context.Scenario, run);
        Assert.All((await context.Scenario.SeedProjectsAsync()).Values, Assert.Null);
        Assert.Equal(1L, await context.Scenario.ScalarAsync<long>(
            "SELECT count(*) FROM backfill.run_rollbacks WHERE run_id = @runId", new { runId = run.RunId }));
    }

    [Theory]
    [MemberData(nameof(FailedValidationMessages))]
    public async Task A_failed_validation_restores_every_session_once_whatever_message_is_lost_or_handled_twice(
        Type message, FaultKind kind)
    {
        await using var context = await StartAsync(message, kind);
        await context.Scenario.MeddleOutsideTheRunAsync();
        var before = await context.Scenario.SeedRowsAsync();

        var run = await context.Client.WaitAsync(
            await context.Client.StartAsync(await context.Scenario.InsertPlanAsync(), batchSize: BatchSize));

        await AssertStruckAndRecoveredAsync(context, run.RunId);
        Assert.Equal(("RolledBack", 15, 15, 0), (run.State, run.Migrated, run.RolledBack, run.Conflicts));
        Assert.Contains("changed 1 sessions outside the run", run.Reason);
        await RunConsistency.AssertAsync(context.Scenario, run);
        Assert.Equal(before, await context.Scenario.SeedRowsAsync());
    }

    [Theory]
    [MemberData(nameof(RefusedRunMessages))]
    public async Task A_refused_run_fails_with_its_reason_and_changes_nothing_whatever_message_is_lost_or_handled_twice(
        Type message, FaultKind kind)
    {
        await using var context = await StartAsync(message, kind);
        var before = await context.Scenario.SeedRowsAsync();

        var run = await context.Client.WaitAsync(
            await context.Client.StartAsync(await context.Scenario.InsertPlanAsync(approved: false), batchSize: BatchSize));

        await AssertStruckAndRecoveredAsync(context, run.RunId);
        Assert.Equal("Failed", run.State);
        Assert.Contains("is not approved", run.Reason);
        Assert.Equal(before, await context.Scenario.SeedRowsAsync());
        Assert.False(await context.Scenario.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM backfill.runs WHERE run_id = @runId)",
            new { runId = run.RunId }));
    }

    [Theory]
    [MemberData(nameof(RetriedRunMessages))]
    public async Task A_retried_run_migrates_every_session_once_whatever_message_is_lost_or_handled_twice(Type message, FaultKind kind)
    {
        await using var context = await StartAsync(message, kind);
        var failed = await context.FailOnPoisonBatchAsync();
        await context.Scenario.WaitUntilAsync("SELECT NOT EXISTS (SELECT 1 FROM backfill.runs WHERE active)");
        await context.Scenario.ExecuteAsync("DROP TRIGGER refuse ON sessions");

        (await context.Client.CommandAsync(failed.RunId, "retry")).EnsureSuccessStatusCode();
        var run = await context.Client.WaitAsync(failed.RunId, "Completed");

        await AssertStruckAndRecoveredAsync(context, run.RunId);
        Assert.Equal((15, 15 / BatchSize + 1), (run.Migrated, run.CompletedBatches));
        await RunConsistency.AssertAsync(context.Scenario, run);
        await context.Scenario.AssertSeedPlanAppliedAsync();
    }

    [Theory]
    [MemberData(nameof(DryRunMessages))]
    public async Task A_dry_run_changes_nothing_whatever_message_is_lost_or_handled_twice(Type message, FaultKind kind)
    {
        await using var context = await StartAsync(message, kind);
        var before = await context.Scenario.SeedRowsAsync();

        var run = await context.Client.WaitAsync(
            await context.Client.StartAsync(await context.Scenario.InsertPlanAsync(), batchSize: BatchSize, dryRun: true));

        await AssertStruckAndRecoveredAsync(context, run.RunId);
        Assert.Equal(("Completed", 15), (run.State, run.Migrated));
        Assert.Equal(before, await context.Scenario.SeedRowsAsync());
        Assert.False(await context.Scenario.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM backfill.runs WHERE active)"));
    }

    // A stalled run is looked for four times a second and sent to again after a second; a message is retried once, so a batch
    // that fails on every delivery fails its run at once.
    private static readonly Dictionary<string, string> Settings = new(ExecutorTestContext.RetryOnce)
    {
        ["Executor:StallTimeout"] = "00:00:01",
        ["Executor:ReconcileInterval"] = "00:00:00.250",
    };

    private Task<ExecutorTestContext> StartAsync(Type message, FaultKind kind) =>
        ExecutorTestContext.StartAsync(infrastructure, settings: Settings, configureServices: services =>
        {
            services.AddSingleton(provider => new MessageFault(message, kind, provider.GetRequiredService<IBusRegistrationContext>()));
            services.AddSingleton<IConfigureReceiveEndpoint>(provider => provider.GetRequiredService<MessageFault>());
        });

    /// <summary>Starts the seed plan scheduled <see cref="Later"/>, and returns its run once it waits at its first batch.</summary>
    private static async Task<Guid> StartWaitingRunAsync(ExecutorTestContext context)
    {
        var runId = await context.Client.StartAsync(
            new StartRunRequest(await context.Scenario.InsertPlanAsync(), BatchSize: BatchSize, Pacing: Later));
        await context.Client.WaitAsync(runId, "Waiting");
        return runId;
    }

    /// <summary>Pauses the waiting run, gives it fixed batches of 5 from now on, resumes it, and returns it completed.</summary>
    private static async Task<RunView> PauseRepaceAndResumeAsync(ExecutorTestContext context, Guid runId)
    {
        (await context.Client.CommandAsync(runId, "pause")).EnsureSuccessStatusCode();
        await context.Client.WaitAsync(runId, "Paused");
        (await context.Client.Http.PutAsJsonAsync($"/api/runs/{runId}/pacing", new ChangePacingRequest(RunPacing.Fixed, 5)))
            .EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await context.Client.GetAsync(runId))!.BatchSize == 5);
        (await context.Client.CommandAsync(runId, "resume")).EnsureSuccessStatusCode();
        return await context.Client.WaitAsync(runId, "Completed");
    }

    private static async Task<RunView> RunAsync(ExecutorTestContext context) =>
        await context.Client.WaitAsync(
            await context.Client.StartAsync(await context.Scenario.InsertPlanAsync(), batchSize: BatchSize), "Completed");

    /// <summary>
    /// The fault struck, and what it struck came back and was handled: a message handled twice was delivered again, and a
    /// lost one the reconciler recovered (it audits what it sent again).
    /// </summary>
    private static async Task AssertStruckAndRecoveredAsync(ExecutorTestContext context, Guid runId)
    {
        var fault = context.Services.GetRequiredService<MessageFault>();
        Assert.True(fault.Struck, $"{fault} never struck: the run took no such message.");
        // The run may reach its end before the second delivery is handled (it changes nothing): wait for it, so that the
        // checks after this one see what it did.
        try
        {
            await Eventually.HoldsAsync(() => fault.HandledAfter > 0, TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{fault}: no message of its type was handled after the one struck.");
        }
        if (fault.Kind == FaultKind.Lost)
        {
            // An operator's request is sent again as itself; what any other lost message answered, by the command it answers.
            Assert.Contains(await context.Client.AuditAsync(runId), e => e.Action == RunAuditActions.Redispatched
                && (!fault.MessageType.IsAssignableTo(typeof(IRunRequest)) || e.Details.Contains(fault.MessageType.Name)));
        }
    }

    private static TheoryData<Type, FaultKind> Faults(params Type[] messages)
    {
        var data = new TheoryData<Type, FaultKind>();
        foreach (var message in messages)
        {
            foreach (var kind in Enum.GetValues<FaultKind>())
            {
                data.Add(message, kind);
            }
        }
        return data;
    }

    // A lost StartRun is struck in the run's flow (its API call waits ten seconds for the run before it answers); the other
    // flows take it twice.
    private static TheoryData<Type, FaultKind> StartTwiceAndFaults(params Type[] messages)
    {
        var data = Faults(messages);
        data.Add(typeof(StartRun), FaultKind.HandledTwice);
        return data;
    }
}
