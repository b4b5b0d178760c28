namespace AspireMigration.Executor.Steps;

/// <summary>How the batch ledger's processed_by names the Executor process that migrated a batch.</summary>
public static class BatchProcessor
{
    public static string Current { get; } = NameOf(Environment.ProcessId);

    public static string NameOf(int processId) => Environment.MachineName + "/" + processId;
}
