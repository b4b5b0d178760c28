using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>A PostgreSQL and RabbitMQ of their own for tests that block or restart the broker, which would disturb any other test on
/// it.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerFaultCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Executor broker faults";
}
