using AspireMigration.TestSupport;

namespace AspireMigration.Bench.Tests;

/// <summary>One PostgreSQL and one RabbitMQ for every bench test; each bench makes and drops its own databases.</summary>
[CollectionDefinition(Name)]
public sealed class BenchCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Bench infrastructure";
}
