using MassTransit;
using MassTransit.Saga;

namespace AspireMigration.Executor.Persistence;

public sealed class PostgresSagaConsumeContextFactory<TSaga> : ISagaConsumeContextFactory<PostgresSagaSession<TSaga>, TSaga>
    where TSaga : class, IPersistedSaga
{
    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(
        PostgresSagaSession<TSaga> context, ConsumeContext<T> consumeContext,
        TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        Task.FromResult<SagaConsumeContext<TSaga, T>>(new PostgresSagaConsumeContext<TSaga, T>(consumeContext, instance, context.Outbox));
}
