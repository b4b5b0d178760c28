using AspireMigration.Executor.Steps;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Consumers;

public sealed class ValidateRunConsumer(RunValidator validator, ILogger<ValidateRunConsumer> logger) : IConsumer<ValidateRun>
{
    public async Task Consume(ConsumeContext<ValidateRun> context)
    {
        var runId = context.Message.RunId;
        using var activity = ExecutorTelemetry.StartStep("run.validate", runId, context.Message.PlanId);

        var failures = await validator.RunAsync(runId, context.CancellationToken);
        activity?.SetTag("validation.failures", failures.Count);
        if (failures.Count == 0)
        {
            await context.Publish(new ValidationPassed(runId), context.CancellationToken);
            return;
        }
        logger.LogWarning("Validation failed, rolling back: {Failures}", string.Join("; ", failures));
        await context.Publish(new ValidationFailed(runId, failures), context.CancellationToken);
    }
}
