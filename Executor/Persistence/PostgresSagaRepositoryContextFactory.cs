using AspireMigration.Executor.Outbox;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;
using MassTransit.Saga;
using Npgsql;

namespace AspireMigration.Executor.Persistence;

/// <summary>
/// MassTransit's entry point to our PostgreSQL saga repository: each consumed message gets its own
/// transaction, committed after the state machine ran together with the messages the transition
/// sends (backfill.saga_outbox); the relay is woken to publish them once they are committed, so a
/// rolled-back transition sends nothing and a committed one cannot lose what it sends. An operator's request is answered in
/// the same transaction (its record in backfill.run_requests deleted), so it is either handled or still there to send again.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    NpgsqlDataSource dataSource,
    SagaTable<TSaga> table,
    ISagaConsumeContextFactory<PostgresSagaSession<TSaga>, TSaga> factory,
    OutboxSignal outboxSignal) :
    ISagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, IPersistedSaga
{
    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        await using var session = await PostgresSagaSession<TSaga>.BeginAsync(dataSource, table.QualifiedName, context.CancellationToken);
        if (context.Message is IRunRequest)
        {
            session.Answering = context.MessageId;
        }
        await next.Send(new PostgresSagaRepositoryContext<TSaga, T>(session, context, factory));
        await session.CommitAsync(context.CancellationToken);
        if (session.Outbox.Messages.Count > 0)
        {
            outboxSignal.Notify();
        }
    }

    // Every event of our state machines correlates by id; a query-correlated saga would need this.
    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw new NotSupportedException($"{typeof(TSaga).Name} is correlated by id only; query correlation is not supported.");

    public async Task<T> Execute<T>(
        Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var session = await PostgresSagaSession<TSaga>.BeginAsync(dataSource, table.QualifiedName, cancellationToken);
        return await asyncMethod(new PostgresLoadSagaRepositoryContext<TSaga>(session, cancellationToken));
    }

    public void Probe(ProbeContext context) => context.Add("persistence", "postgresql");
}
