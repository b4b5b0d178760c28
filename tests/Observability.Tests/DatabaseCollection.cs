using AspireMigration.TestSupport;

namespace AspireMigration.Observability.Tests;

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "PostgreSQL and RabbitMQ";
}
