using System.Diagnostics;
using AspireMigration.Executor.Steps;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Consumers;

public sealed class PreFlightConsumer(PreFlightStep step, ExecutorMetrics metrics, ILogger<PreFlightConsumer> logger)
    : IConsumer<PreFlightRun>
{
    public async Task Consume(ConsumeContext<PreFlightRun> context)
    {
        var command = context.Message;
        using var activity = ExecutorTelemetry.StartStep("run.preflight", command.RunId, command.PlanId);

        switch (await step.RunAsync(command, context.CancellationToken))
        {
            case PreFlightOutcome.Passed(var passed):
                activity?.SetTag("sessions.included", passed.Included);
                activity?.SetTag("sessions.skipped", passed.Skipped);
                activity?.SetTag("run.batches", passed.TotalBatches);
                metrics.SessionsSkipped.Add(passed.Skipped);
                await PublishAsync(context, passed);
                break;
            case PreFlightOutcome.Failed(var failed):
                await PublishAsync(context, failed);
                break;
            case PreFlightOutcome.Rejected(var rejected):
                await PublishAsync(context, rejected);
                break;
            case var other:
                throw new UnreachableException($"Unknown pre-flight outcome {other}");
        }
    }

    // Generic, so each contract is published under its own type: the saga subscribes to the concrete messages.
    private async Task PublishAsync<T>(ConsumeContext<PreFlightRun> context, T outcome) where T : class, IRunMessage
    {
        logger.LogInformation("Pre-flight of plan {PlanId}: {Outcome}", context.Message.PlanId, outcome);
        await context.Publish(outcome, context.CancellationToken);
    }
}
