using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.UnitTests.Executor;

/// <summary>
/// The batches a run hands out cover its included sessions exactly once: for every plan size against every batch size
/// around it, and, under seeded scripts, whatever happens between dispatches (see <see cref="ScriptedRun"/>). Batch
/// boundaries are decided when a batch is dispatched and recorded with the run, so this is what makes a batch number
/// in the ledger mean one fixed set of sessions.
/// </summary>
public sealed class BatchPartitionTests
{
    public static TheoryData<int, int> PlanAndBatchSizes()
    {
        var data = new TheoryData<int, int>();
        foreach (var included in new[] { 0, 1, 2, 3, 10, 37 })
        {
            int[] sizes = [1, 2, 3, included - 1, included, included + 1, RunPacing.MaxBatchSize];
            foreach (var size in sizes.Where(s => s >= 1).Distinct())
            {
                data.Add(included, size);
            }
        }
        return data;
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(PlanAndBatchSizes))]
    public async Task Fixed_batches_of_any_size_cover_every_included_session_once_in_any_order_of_completion(int included, int batchSize)
    {
        await using var run = await ScriptedRun.StartAsync(included, batchSize, RunPacing.Fixed, seed: included * 1_000 + batchSize,
            disrupted: false);

        await run.RunToValidationAsync();

        run.AssertEveryIncludedSessionInExactlyOneBatch();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Batches_cover_every_included_session_once_through_redeliveries_pauses_pacing_changes_throttles_and_retries(
        int seed)
    {
        var random = new Random(seed);
        var included = random.Next(1, 400);
        var pacing = random.Next(2) == 0 ? RunPacing.Fixed
            : new RunPacing(Adaptive: true, TargetBatchMs: random.Next(5, 500), MinBatch: random.Next(1, 10),
                MaxBatch: random.Next(10, 80));
        await using var run = await ScriptedRun.StartAsync(included, random.Next(1, 40), pacing, seed, disrupted: true);

        await run.RunToValidationAsync();

        run.AssertEveryIncludedSessionInExactlyOneBatch();
    }
}
