using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.TestSupport;
using MassTransit;
using MassTransit.Events;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.UnitTests.Executor;

/// <summary>
/// One run of the state machine on the in-memory harness, driven by a seeded script that plays the batch consumers, the
/// broker, the operator and the database's health: completions in any order and delivered again, pauses, pacing changes,
/// throttles, a batch that fails and a retry. The consumers are modelled by a ledger: a batch commits once, and every
/// later delivery reports what it committed, as <c>BatchMigrator</c> does.
/// </summary>
public sealed class ScriptedRun : IAsyncDisposable
{
    private const int MaxSteps = 5_000;

    private readonly MovableClock clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedHealthProbe probe;
    private readonly ServiceProvider provider;
    private readonly ITestHarness harness;
    private readonly ISagaStateMachineTestHarness<MigrationRunStateMachine, MigrationRunState> saga;
    private readonly Random random;
    private readonly bool disrupted;
    private readonly Dictionary<int, BatchCompleted> ledger = [];
    private readonly List<string> steps = [];

    private ScriptedRun(int seed, bool disrupted)
    {
        (random, this.disrupted) = (new Random(seed), disrupted);
        probe = new ScriptedHealthProbe(clock);
        provider = GatedSagaHarness.Build(clock, probe);
        harness = provider.GetRequiredService<ITestHarness>();
        saga = harness.GetSagaStateMachineHarness<MigrationRunStateMachine, MigrationRunState>();
    }

    public Guid RunId { get; } = Guid.NewGuid();

    public int Included { get; private set; }

    public MigrationRunState State => saga.Sagas.Contains(RunId)!;

    /// <summary>A run of <paramref name="included"/> sessions, through pre-flight and backup: its first batches are out.</summary>
    public static async Task<ScriptedRun> StartAsync(int included, int batchSize, RunPacing pacing, int seed, bool disrupted)
    {
        var run = new ScriptedRun(seed, disrupted) { Included = included };
        await run.harness.Start();
        run.steps.Add($"start: {included} sessions, batch size {batchSize}, {pacing}");
        await run.PublishAsync(new StartRun(run.RunId, Guid.NewGuid(), "operator", BatchSize: batchSize, Pacing: pacing));
        await run.PublishAsync(new PreFlightPassed(run.RunId, included, 0, (included + batchSize - 1) / batchSize, []));
        await run.PublishAsync(new BackupCompleted(run.RunId, "sessions_backup", included));
        return run;
    }

    /// <summary>Plays the script until the run validates; fails, naming the steps, if it stops anywhere else.</summary>
    public async Task RunToValidationAsync()
    {
        for (var step = 0; State.CurrentState != nameof(MigrationRunStateMachine.Validating); step++)
        {
            Assert.True(step < MaxSteps, Describe($"the run never reached Validating; it is {State.CurrentState}"));
            await StepAsync(State);
        }
        // Late deliveries of batches already counted change nothing, and do not validate twice.
        foreach (var late in ledger.Values.Take(2))
        {
            await CompleteAsync(late.BatchNumber);
        }
    }

    /// <summary>
    /// The batches handed out (each with one range, however often sent) tile 1..Included in order, and the run counted each
    /// once and validates once.
    /// </summary>
    public void AssertEveryIncludedSessionInExactlyOneBatch()
    {
        var batches = Sent<MigrateBatch>().GroupBy(m => m.BatchNumber).OrderBy(g => g.Key).ToList();
        Assert.True(batches.All(g => g.Select(m => (m.FirstOrdinal, m.LastOrdinal)).Distinct().Count() == 1),
            Describe("a batch was sent again with another range"));
        Assert.Equal(Enumerable.Range(1, batches.Count), batches.Select(g => g.Key));
        var next = 1;
        foreach (var batch in batches.Select(g => g.First()))
        {
            Assert.True(batch.FirstOrdinal == next && batch.LastOrdinal >= batch.FirstOrdinal,
                Describe($"batch {batch.BatchNumber} covers {batch.FirstOrdinal}-{batch.LastOrdinal}, the first uncovered is {next}"));
            next = batch.LastOrdinal + 1;
        }
        Assert.Equal(Included + 1, next);

        var s = State;
        Assert.Equal(
            (Included, ledger.Values.Sum(b => b.Migrated), batches.Count, batches.Count, 0),
            (s.Migrated + s.SkippedChanged, s.Migrated, s.CompletedBatches.Count, s.TotalBatches, s.Outstanding.Count));
        Assert.Single(Sent<ValidateRun>());
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();

    private async Task StepAsync(MigrationRunState s)
    {
        var outstanding = s.Outstanding.ToList();
        switch (s.CurrentState)
        {
            case nameof(MigrationRunStateMachine.Failed):
                await RetryAsync();
                return;
            case nameof(MigrationRunStateMachine.Paused):
                if (outstanding.Count == 0 || random.NextDouble() < 0.3)
                {
                    steps.Add("resume");
                    await PublishAsync(new ResumeRun(RunId, "operator"));
                    return;
                }
                break;
            case nameof(MigrationRunStateMachine.Migrating) or nameof(MigrationRunStateMachine.Throttled)
                or nameof(MigrationRunStateMachine.Waiting):
                if (outstanding.Count == 0)
                {
                    // Nothing out: only a recheck moves the run on, so the gate must have asked for one.
                    Assert.True(s.RecheckAt is not null, Describe($"{s.CurrentState} with no batch out and no recheck due: stranded"));
                    await RecheckAsync(s.RecheckAt.Value);
                    return;
                }
                break;
            default:
                Assert.Fail(Describe($"the run left the batches for {s.CurrentState}"));
                break;
        }
        if (!disrupted)
        {
            await CompleteAsync(outstanding[random.Next(outstanding.Count)].Number);
            return;
        }
        var roll = random.NextDouble();
        if (roll < 0.55)
        {
            await CompleteAsync(outstanding[random.Next(outstanding.Count)].Number);
        }
        else if (roll < 0.65 && ledger.Count > 0)
        {
            await CompleteAsync(ledger.Keys.ElementAt(random.Next(ledger.Count)));
        }
        else if (roll < 0.75)
        {
            var pacing = RandomPacing();
            int? batchSize = random.Next(2) == 0 ? null : random.Next(1, Included + 2);
            steps.Add($"change pacing: batch size {batchSize}, {pacing}");
            await PublishAsync(new ChangePacing(RunId, "operator", pacing, batchSize));
        }
        else if (roll < 0.82 && s.CurrentState != nameof(MigrationRunStateMachine.Paused))
        {
            steps.Add("pause");
            await PublishAsync(new PauseRun(RunId, "operator"));
        }
        else if (roll < 0.89)
        {
            steps.Add("replication lag trips");
            probe.LagSeconds = 12;
        }
        else if (roll < 0.93)
        {
            await FaultAsync(outstanding[random.Next(outstanding.Count)]);
        }
        else
        {
            await RecheckAsync(s.RecheckAt ?? clock.GetUtcNow());
        }
    }

    /// <summary>The batch's consumer reports: what it committed the first time, the same counts on every later delivery.</summary>
    private async Task CompleteAsync(int number)
    {
        if (!ledger.TryGetValue(number, out var completed))
        {
            var range = State.Outstanding.Single(b => b.Number == number);
            var size = range.LastOrdinal - range.FirstOrdinal + 1;
            var skipped = disrupted ? random.Next(Math.Min(size, 3) + 1) : 0;
            completed = ledger[number] = new BatchCompleted(
                RunId, number, size - skipped, skipped, random.Next(1, 5 * size + 2), "a", Redelivered: false);
        }
        else
        {
            completed = completed with { Redelivered = true };
        }
        steps.Add($"batch {number} completes{(completed.Redelivered ? " again" : "")}");
        await PublishAsync(completed);
    }

    /// <summary>The batch exhausts its retries (nothing committed), and the operator retries the run once its claim is back.</summary>
    private async Task FaultAsync(BatchRange batch)
    {
        steps.Add($"batch {batch.Number} fails");
        await harness.Bus.Publish<Fault<MigrateBatch>>(new
        {
            Message = new MigrateBatch(RunId, State.PlanId, batch.Number, batch.FirstOrdinal, batch.LastOrdinal),
            Exceptions = new ExceptionInfo[] { new FaultExceptionInfo(new InvalidOperationException("lock timeout")) },
        });
        Assert.NotNull(await saga.Exists(RunId, saga.StateMachine.Failed));
    }

    private async Task RetryAsync()
    {
        steps.Add("retry");
        await PublishAsync(new RetryRun(RunId, "operator"));
        Assert.True(State.CurrentState == nameof(MigrationRunStateMachine.Retrying), Describe("a retry of a failed batch was refused"));
        await PublishAsync(new RunReclaimed(RunId));
    }

    /// <summary>The recheck service's turn: the clock reaches the recheck, and the database recovers half the time.</summary>
    private async Task RecheckAsync(DateTimeOffset at)
    {
        if (at > clock.GetUtcNow())
        {
            clock.Set(at);
        }
        if (random.Next(2) == 0 || !disrupted)
        {
            probe.LagSeconds = 0;
        }
        steps.Add($"recheck at {at:HH:mm:ss.fff}, lag {probe.LagSeconds} s");
        await PublishAsync(new RecheckPacing(RunId));
    }

    private RunPacing RandomPacing()
    {
        double? rate = random.Next(4) == 0 ? random.Next(50, 5_000) : null;
        if (random.Next(3) == 0)
        {
            return RunPacing.Fixed with { MaxRate = rate };
        }
        var min = random.Next(1, 20);
        return new RunPacing(Adaptive: true, TargetBatchMs: random.Next(5, 500), MinBatch: min, MaxBatch: min + random.Next(60),
            MaxRate: rate);
    }

    /// <summary>Publishes and waits until the saga has consumed that very message.</summary>
    private async Task PublishAsync<T>(T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await harness.Bus.Publish(message, context => context.MessageId = messageId);
        Assert.True(await saga.Consumed.Any<T>(m => m.Context.MessageId == messageId), Describe($"the saga never consumed {message}"));
    }

    /// <summary>What the run published so far: each message was settled when its cause was consumed, so nothing is awaited.</summary>
    private List<T> Sent<T>()
        where T : class, IRunMessage
    {
        using var now = new CancellationTokenSource();
        now.Cancel();
        return harness.Published.Select<T>(now.Token).Select(m => m.Context.Message).Where(m => m.RunId == RunId).ToList();
    }

    private string Describe(string problem) => $"{problem}. Steps: {string.Join("; ", steps.TakeLast(40))}";
}
