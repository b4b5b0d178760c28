using Microsoft.Extensions.Logging;

namespace AspireMigration.Executor.Telemetry;

public static class RunLogScope
{
    /// <summary>Every log line of a step carries the run it belongs to.</summary>
    public static IDisposable? BeginRunScope(this ILogger logger, Guid runId) =>
        logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId });
}
