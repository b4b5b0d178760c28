using AspireMigration.Executor.Outbox;
using MassTransit;
using MassTransit.Context;

namespace AspireMigration.Executor.Persistence;

/// <summary>
/// The saga instance a message is dispatched to; persistence happens in the repository context. The
/// transition's <see cref="SagaOutbox"/> rides along as a payload, where the state machine finds it.
/// </summary>
public sealed class PostgresSagaConsumeContext<TSaga, TMessage> :
    ConsumeContextScope<TMessage>,
    SagaConsumeContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    public PostgresSagaConsumeContext(ConsumeContext<TMessage> context, TSaga instance, SagaOutbox outbox)
        : base(context)
    {
        Saga = instance;
        AddOrUpdatePayload(() => outbox, _ => outbox);
    }

    public TSaga Saga { get; }

    public bool IsCompleted { get; private set; }

    public Task SetCompleted()
    {
        IsCompleted = true;
        return Task.CompletedTask;
    }
}
