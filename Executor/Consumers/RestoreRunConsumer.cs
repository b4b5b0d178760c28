using System.Diagnostics;
using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Steps;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Consumers;

public sealed class RestoreRunConsumer(RollbackStep step, ExecutorMetrics metrics, ILogger<RestoreRunConsumer> logger)
    : IConsumer<RestoreRun>
{
    public async Task Consume(ConsumeContext<RestoreRun> context)
    {
        var command = context.Message;
        using var activity = ExecutorTelemetry.StartStep("run.rollback", command.RunId, command.PlanId);
        activity?.SetTag("rollback.force", command.Force);

        switch (await step.RunAsync(command, context.CancellationToken))
        {
            case RollbackOutcome.Completed(var completed):
                activity?.SetTag("sessions.restored", completed.Restored);
                activity?.SetTag("sessions.conflicts", completed.Conflicts);
                metrics.Rollbacks.Add(1,
                    new KeyValuePair<string, object?>("rollback.automatic", command.RequestedBy == MigrationRunStateMachine.SystemActor));
                await PublishAsync(context, completed);
                break;
            case RollbackOutcome.Refused(var refused):
                await PublishAsync(context, refused);
                break;
            case var other:
                throw new UnreachableException($"Unknown rollback outcome {other}");
        }
    }

    // Generic, so each contract is published under its own type: the saga subscribes to the concrete messages.
    private async Task PublishAsync<T>(ConsumeContext<RestoreRun> context, T outcome) where T : class, IRunMessage
    {
        logger.LogInformation("Rollback requested by {RequestedBy}: {Outcome}", context.Message.RequestedBy, outcome);
        await context.Publish(outcome, context.CancellationToken);
    }
}
