using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Telemetry;

/// <summary>
/// Opens the run's log scope around every consumer and the saga for any run message, so no handler
/// can forget it and a log line written anywhere below names its run.
/// </summary>
public sealed class RunLogScopeFilter<T>(ILogger<RunLogScopeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class, IRunMessage
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        using var scope = logger.BeginRunScope(context.Message.RunId);
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("runLogScope");
}
