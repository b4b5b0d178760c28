using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AspireMigration.Executor.Persistence;

public static class PostgresSagaRepositoryExtensions
{
    /// <summary>Stores the saga in <paramref name="qualifiedTable"/> (correlation_id, version, jsonb state) of the "appdb"
    /// database.</summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator, string qualifiedTable)
        where TSaga : class, IPersistedSaga
    {
        configurator.Repository(repository =>
        {
            repository.TryAddSingleton(new SagaTable<TSaga>(qualifiedTable));
            repository.RegisterSagaRepository<TSaga, PostgresSagaSession<TSaga>, PostgresSagaConsumeContextFactory<TSaga>,
                PostgresSagaRepositoryContextFactory<TSaga>>();
            repository.RegisterLoadSagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga>>();
        });
        return configurator;
    }
}
