using AspireMigration.Executor.Steps;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Consumers;

public sealed class DryRunConsumer(DryRunner runner) : IConsumer<DryRunMigration>
{
    public async Task Consume(ConsumeContext<DryRunMigration> context)
    {
        var runId = context.Message.RunId;
        using var activity = ExecutorTelemetry.StartStep("run.dry_run", runId, context.Message.PlanId);

        var outcome = await runner.RunAsync(context.Message, context.CancellationToken);
        activity?.SetTag("sessions.would_migrate", outcome.WouldMigrate);
        activity?.SetTag("sessions.would_skip_changed", outcome.WouldSkipChanged);
        await context.Publish(outcome, context.CancellationToken);
    }
}
