using AspireMigration.TestSupport;

namespace AspireMigration.Cli.Tests;

[CollectionDefinition(Name)]
public sealed class CliStackCollection : ICollectionFixture<FullStackFixture>
{
    public const string Name = "Command line against the running AppHost";
}
