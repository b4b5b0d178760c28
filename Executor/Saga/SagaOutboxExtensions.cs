using AspireMigration.Executor.Outbox;
using MassTransit;

namespace AspireMigration.Executor.Saga;

/// <summary>
/// Sends through the transition's <see cref="SagaOutbox"/>: the message is stored with the saga's new
/// state and leaves only once that state is committed, whatever happens to the process in between.
/// </summary>
public static class SagaOutboxExtensions
{
    public static EventActivityBinder<TSaga, TData> Enqueue<TSaga, TData, TMessage>(this EventActivityBinder<TSaga, TData> binder,
        Func<BehaviorContext<TSaga, TData>, TMessage> factory)
        where TSaga : class, SagaStateMachineInstance
        where TData : class
        where TMessage : class =>
        binder.ThenAsync(context => context.EnqueueAsync(factory(context)));

    public static EventActivityBinder<TSaga> Enqueue<TSaga, TMessage>(
        this EventActivityBinder<TSaga> binder, Func<BehaviorContext<TSaga>, TMessage> factory)
        where TSaga : class, SagaStateMachineInstance
        where TMessage : class =>
        binder.ThenAsync(context => context.EnqueueAsync(factory(context)));

    public static Task EnqueueAsync<TSaga>(this BehaviorContext<TSaga> context, object message)
        where TSaga : class, SagaStateMachineInstance
    {
        if (context.TryGetPayload(out SagaOutbox? outbox))
        {
            outbox.Add(message);
            return Task.CompletedTask;
        }
        // A repository that keeps no outbox (MassTransit's in-memory one) sends as MassTransit does.
        return context.Publish(message, message.GetType());
    }
}
