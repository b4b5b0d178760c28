using MassTransit;

namespace AspireMigration.Executor.Persistence;

/// <summary>What the PostgreSQL saga repository needs of a saga: its id, a version and its state name.</summary>
public interface IPersistedSaga : SagaStateMachineInstance, ISagaVersion
{
    string CurrentState { get; }
}
