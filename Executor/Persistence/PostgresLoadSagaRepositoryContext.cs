using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;

namespace AspireMigration.Executor.Persistence;

/// <summary>Reads saga instances outside message handling (the HTTP API), without locking them.</summary>
public sealed class PostgresLoadSagaRepositoryContext<TSaga>(PostgresSagaSession<TSaga> session, CancellationToken cancellationToken) :
    BasePipeContext(cancellationToken),
    LoadSagaRepositoryContext<TSaga>
    where TSaga : class, IPersistedSaga
{
    public async Task<TSaga> Load(Guid correlationId) => (await session.LoadAsync(correlationId, forUpdate: false, CancellationToken))!;
}
