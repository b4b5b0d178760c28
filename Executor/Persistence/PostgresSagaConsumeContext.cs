using MassTransit;
using MassTransit.Context;

namespace AspireMigration.Executor.Persistence;

/// <summary>The saga instance a message is dispatched to; persistence happens in the repository context.</summary>
public sealed class PostgresSagaConsumeContext<TSaga, TMessage>(ConsumeContext<TMessage> context, TSaga instance) :
    ConsumeContextScope<TMessage>(context),
    SagaConsumeContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    public TSaga Saga { get; } = instance;

    public bool IsCompleted { get; private set; }

    public Task SetCompleted()
    {
        IsCompleted = true;
        return Task.CompletedTask;
    }
}
