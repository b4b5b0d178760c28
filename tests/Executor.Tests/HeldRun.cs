using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// The opening of the kill tests: the seed plan run one session per batch on an Executor process, with
/// batch 1 (session 1) held on an application's row lock, so the run waits on it with the other 14 done.
/// Whatever happens next (a kill, a blocked broker, a purge), batch 1 is still the process's, unacknowledged.
/// </summary>
public sealed class HeldRun : IAsyncDisposable
{
    private HeldRun(ExecutorProcess executor, SessionLock blocker, Guid runId, string endpointPrefix) =>
        (Executor, Blocker, RunId, EndpointPrefix, Client) = (executor, blocker, runId, endpointPrefix, executor.OperatorClient());

    public ExecutorProcess Executor { get; }

    public SessionLock Blocker { get; }

    public Guid RunId { get; }

    /// <summary>The queues' prefix: an Executor started on it later takes over the same queues.</summary>
    public string EndpointPrefix { get; }

    public RunClient Client { get; }

    public static async Task<HeldRun> StartAsync(Scenario scenario, InfrastructureFixture infrastructure)
    {
        var prefix = ExecutorApp.NewEndpointPrefix();
        var planId = await scenario.InsertPlanAsync();
        var executor = await ExecutorProcess.StartAsync(scenario, infrastructure, prefix);
        var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(1));
        var held = new HeldRun(executor, blocker, await executor.OperatorClient().StartAsync(planId, batchSize: 1), prefix);
        await held.Client.WaitForBatchesAsync(held.RunId, 14);
        return held;
    }

    /// <summary>The process dies holding batch 1 unacknowledged, so the broker puts it back in its queue; then the lock goes.</summary>
    public async Task KillHoldingBatchAsync()
    {
        Executor.Kill();
        await Blocker.ReleaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Executor.Dispose();
        await Blocker.DisposeAsync();
    }
}
