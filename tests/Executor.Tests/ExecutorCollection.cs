using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>One PostgreSQL and one RabbitMQ for all Executor tests; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class ExecutorCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Executor infrastructure";
}
