namespace AspireMigration.Executor.Tests;

/// <summary>Polls for effects that follow asynchronously (a released claim, a reported metric, a dead-lettered message).</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? RunClient.Timeout);
        while (!await condition())
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan? timeout = null) => HoldsAsync(() => Task.FromResult(condition()), timeout);
}
