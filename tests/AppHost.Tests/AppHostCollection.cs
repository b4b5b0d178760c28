namespace AspireMigration.AppHost.Tests;

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "Running AppHost";
}
