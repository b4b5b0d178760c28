using AspireMigration.TestSupport;

namespace AspireMigration.AppHost.Tests;

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<FullStackFixture>
{
    public const string Name = "Running AppHost";
}
