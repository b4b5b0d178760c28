using AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Cli.Output;

/// <summary>A run's batches done of its total, as <c>--wait</c> and <c>runs show</c> print it.</summary>
public static class BatchCount
{
    /// <summary>
    /// "2 of 3"; "2 of about 3" while an adaptive run's total is the batches so far plus the rest at the current size; null
    /// before pre-flight has counted them, where "0 of 0" would read as a run with nothing to do.
    /// </summary>
    public static string? Of(RunView run)
    {
        if (run.TotalBatches is not { } total || total <= 0)
        {
            return null;
        }
        var about = run.Pacing?.Settings?.Adaptive == true && !RunOutcome.IsFinished(run) ? "about " : "";
        return $"{Display.Number(run.CompletedBatches ?? 0)} of {about}{Display.Number(total)}";
    }
}
