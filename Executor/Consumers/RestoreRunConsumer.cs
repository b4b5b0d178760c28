using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Steps;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Consumers;

public sealed class RestoreRunConsumer(RollbackStep step, ExecutorMetrics metrics, ILogger<RestoreRunConsumer> logger) : IConsumer<RestoreRun>
{
    public async Task Consume(ConsumeContext<RestoreRun> context)
    {
        var command = context.Message;
        using var activity = ExecutorTelemetry.StartStep("run.rollback", command.RunId, command.PlanId);
        activity?.SetTag("rollback.force", command.Force);

        var outcome = await step.RunAsync(command, context.CancellationToken);
        if (outcome is RollbackCompleted completed)
        {
            activity?.SetTag("sessions.restored", completed.Restored);
            activity?.SetTag("sessions.conflicts", completed.Conflicts);
            metrics.Rollbacks.Add(1, new KeyValuePair<string, object?>("rollback.automatic", command.RequestedBy == MigrationRunStateMachine.SystemActor));
        }
        logger.LogInformation("Rollback requested by {RequestedBy}: {Outcome}", command.RequestedBy, outcome);
        await context.Publish(outcome, context.CancellationToken);
    }
}
