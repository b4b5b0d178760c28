using AspireMigration.Executor.Steps;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Consumers;

public sealed class BackupConsumer(BackupStep step, ILogger<BackupConsumer> logger) : IConsumer<BackupRun>
{
    public async Task Consume(ConsumeContext<BackupRun> context)
    {
        using var activity = ExecutorTelemetry.StartStep("run.backup", context.Message.RunId, context.Message.PlanId);

        var backup = await step.RunAsync(context.Message.RunId, context.CancellationToken);
        activity?.SetTag("backup.rows", backup.Rows);
        logger.LogInformation("Backed up {Rows} sessions into {Table}", backup.Rows, backup.TableName);
        await context.Publish(backup, context.CancellationToken);
    }
}
