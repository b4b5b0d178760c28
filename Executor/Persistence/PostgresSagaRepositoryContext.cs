using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace AspireMigration.Executor.Persistence;

/// <summary>Binds one consumed message to the saga table through a <see cref="PostgresSagaSession{TSaga}"/>.</summary>
public sealed class PostgresSagaRepositoryContext<TSaga, TMessage> :
    ConsumeContextScope<TMessage>,
    SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, IPersistedSaga
    where TMessage : class
{
    private readonly PostgresSagaSession<TSaga> session;
    private readonly ConsumeContext<TMessage> consumeContext;
    private readonly ISagaConsumeContextFactory<PostgresSagaSession<TSaga>, TSaga> factory;

    public PostgresSagaRepositoryContext(PostgresSagaSession<TSaga> session, ConsumeContext<TMessage> consumeContext,
        ISagaConsumeContextFactory<PostgresSagaSession<TSaga>, TSaga> factory)
        : base(consumeContext, session)
    {
        this.session = session;
        this.consumeContext = consumeContext;
        this.factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(
        ConsumeContext<T> context, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(session, context, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(session, consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        await session.InsertAsync(instance, CancellationToken);
        return await factory.CreateSagaConsumeContext(session, consumeContext, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await session.LoadAsync(correlationId, forUpdate: true, CancellationToken);
        return instance is null
            ? null!
            : await factory.CreateSagaConsumeContext(session, consumeContext, instance, SagaConsumeContextMode.Load);
    }

    public Task Save(SagaConsumeContext<TSaga> context) => session.InsertAsync(context.Saga, CancellationToken);

    public Task Update(SagaConsumeContext<TSaga> context) => session.UpdateAsync(context.Saga, CancellationToken);

    public Task Delete(SagaConsumeContext<TSaga> context) => session.DeleteAsync(context.Saga, CancellationToken);

    // Nothing was written before Save/Update, and the uncommitted transaction is rolled back on dispose.
    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;
}
