namespace AspireMigration.TestSupport;

/// <summary>The whole AppHost in executable mode: local PostgreSQL and RabbitMQ plus the three services.</summary>
public class FullStackFixture : InfrastructureFixture
{
    public static readonly string[] Resources = ["postgres", "appdb", "messaging", "analyzer", "executor", "dashboard"];

    protected override bool IncludeServices => true;

    protected override IEnumerable<string> AwaitedResources => Resources;
}
