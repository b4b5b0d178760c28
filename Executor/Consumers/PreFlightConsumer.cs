using AspireMigration.Executor.Steps;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Consumers;

public sealed class PreFlightConsumer(PreFlightStep step, ExecutorMetrics metrics, ILogger<PreFlightConsumer> logger) : IConsumer<PreFlightRun>
{
    public async Task Consume(ConsumeContext<PreFlightRun> context)
    {
        var command = context.Message;
        using var activity = ExecutorTelemetry.StartStep("run.preflight", command.RunId, command.PlanId);

        var outcome = await step.RunAsync(command, context.CancellationToken);
        if (outcome is PreFlightPassed passed)
        {
            activity?.SetTag("sessions.included", passed.Included);
            activity?.SetTag("sessions.skipped", passed.Skipped);
            activity?.SetTag("run.batches", passed.TotalBatches);
            metrics.SessionsSkipped.Add(passed.Skipped);
        }
        logger.LogInformation("Pre-flight of plan {PlanId}: {Outcome}", command.PlanId, outcome);
        await context.Publish(outcome, context.CancellationToken);
    }
}
