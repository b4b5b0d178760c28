using AspireMigration.TestSupport;

namespace AspireMigration.Analyzer.Tests;

/// <summary>One PostgreSQL and RabbitMQ for every test class; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class AnalyzerCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Analyzer infrastructure";
}
