using AspireMigration.Executor.Steps;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Consumers;

/// <summary>Any number of these run at once, across replicas: the ledger and the compare-and-set keep batches exact.</summary>
public sealed class MigrateBatchConsumer(BatchMigrator migrator, ExecutorMetrics metrics, ILogger<MigrateBatchConsumer> logger)
    : IConsumer<MigrateBatch>
{
    public async Task Consume(ConsumeContext<MigrateBatch> context)
    {
        var command = context.Message;
        using var activity = ExecutorTelemetry.StartStep("run.batch", command.RunId, command.PlanId, command.BatchNumber);

        var batch = await migrator.RunAsync(command, context.CancellationToken);
        if (batch is null)
        {
            logger.LogInformation("Batch {BatchNumber} dropped: the run no longer migrates", command.BatchNumber);
            return;
        }
        activity?.SetTag("sessions.migrated", batch.Migrated);
        activity?.SetTag("sessions.skipped_changed", batch.SkippedChanged);
        activity?.SetTag("batch.redelivered", batch.Redelivered);
        activity?.SetTag("batch.size", command.Size);
        if (!batch.Redelivered)
        {
            metrics.SessionsMigrated.Add(batch.Migrated);
            metrics.SessionsSkipped.Add(batch.SkippedChanged);
            metrics.BatchDuration.Record(batch.DurationMs);
        }
        await context.Publish(batch, context.CancellationToken);
    }
}
