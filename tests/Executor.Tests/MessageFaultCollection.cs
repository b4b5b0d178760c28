using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// A PostgreSQL and RabbitMQ of their own for the tests that take a whole class of cases (every message faulted, every run
/// parameter): about a hundred short runs that mostly wait on the reconciler's timers, so they run beside the other
/// collections instead of after them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MessageFaultCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Executor message faults and run parameters";
}
