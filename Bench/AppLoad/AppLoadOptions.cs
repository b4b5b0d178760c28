using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Demo;

namespace AspireMigration.Bench.AppLoad;

/// <summary>The `app-load` verb's options, each checked before anything is created on the server.</summary>
public sealed record AppLoadOptions(int Sessions, int Connections, int Rate, int BatchSize, int TargetBatchMs, TimeSpan Idle)
{
    public const string Usage =
        "app-load [--sessions 100000] [--connections 4] [--rate 400] [--batch-size 1000] [--target-batch-ms 250] [--idle-seconds 10]";

    public static AppLoadOptions From(IConfiguration configuration) => new(
        Within(configuration, "sessions", 100_000, 1, DemoSeedOptions.MaxScaleOrphans),
        Within(configuration, "connections", 4, 1, 64),
        Within(configuration, "rate", 400, 1, 100_000),
        Within(configuration, "batch-size", StartRun.DefaultBatchSize, 1, RunPacing.MaxBatchSize),
        Within(configuration, "target-batch-ms", RunPacing.DefaultTargetBatchMs, 1, 60_000),
        TimeSpan.FromSeconds(Within(configuration, "idle-seconds", 10, 1, 3600)));

    private static int Within(IConfiguration configuration, string name, int fallback, int min, int max)
    {
        var value = configuration.GetValue(name, fallback);
        return value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"--{name} takes a whole number between {min} and {max}.");
    }
}
