using MassTransit;

namespace AspireMigration.Executor.Tests;

/// <summary>The <see cref="MessageFault"/>'s place in each message type's pipe.</summary>
public sealed class MessageFaultFilter<T>(MessageFault fault) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (!fault.Strikes(typeof(T)))
        {
            await next.Send(context);
            fault.Handled(typeof(T));
            return;
        }
        if (fault.Kind == FaultKind.Lost)
        {
            return;
        }
        await next.Send(context);
        if (MessageFault.IsSagaEndpoint(context.ReceiveContext.InputAddress))
        {
            // A failure after the saga handled an event is not retried on its endpoint (measured: the retry delivers again only
            // what failed before the saga), so the second delivery goes through the broker, as a redelivery would.
            await context.Send(context.ReceiveContext.InputAddress, context.Message);
            return;
        }
        // Inside the retry and the in-memory outbox: what the step published is thrown away, and the retry delivers it again.
        throw new InvalidOperationException($"Injected fault: {typeof(T).Name} handled, then its process died before the ack.");
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("messageFault");
}
