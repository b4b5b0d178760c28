namespace AspireMigration.TestSupport;

/// <summary>Polls for effects that follow asynchronously (a released claim, a reported metric, a dead-lettered message).</summary>
public static class Eventually
{
    /// <summary>Long enough for a whole small run on the loaded 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? Timeout);
        while (!await condition())
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout);
}
