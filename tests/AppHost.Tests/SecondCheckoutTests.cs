using System.Net;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;

namespace AspireMigration.AppHost.Tests;

/// <summary>A second AppHost started beside the first (its own data directory and key) shares nothing with it.</summary>
[Collection(AppHostCollection.Name)]
public sealed class SecondCheckoutTests(FullStackFixture first) : IAsyncLifetime
{
    private static readonly string[] Services = ["analyzer", "executor", "dashboard"];

    private readonly FullStackFixture second = new();

    public Task InitializeAsync() => second.InitializeAsync();

    public Task DisposeAsync() => second.DisposeAsync();

    [Fact]
    public async Task A_second_apphost_answers_on_its_own_ports_with_its_own_key()
    {
        foreach (var service in Services)
        {
            Assert.NotEqual(first.App.GetEndpoint(service, "http").Port, second.App.GetEndpoint(service, "http").Port);
        }
        Assert.NotEqual(first.ServiceApiKey, second.ServiceApiKey);

        using var secondAnalyzer = second.App.CreateHttpClient("analyzer");
        using var withFirstKey = await secondAnalyzer.ActAs(first.ServiceApiKey, "viewer", Roles.Viewer).GetAsync("/api/plans");
        using var withOwnKey = await secondAnalyzer.ActAs(second.ServiceApiKey, "viewer", Roles.Viewer).GetAsync("/api/plans");
        Assert.Equal(HttpStatusCode.Unauthorized, withFirstKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOwnKey.StatusCode);

        // The second Dashboard is wired to the second Analyzer, not to whichever answers on a fixed port.
        Assert.True(second.App.ResourceNotifications.TryGetCurrentState("dashboard", out var dashboard));
        Assert.Contains(dashboard.Snapshot.EnvironmentVariables, variable =>
            variable.Name.StartsWith("services__analyzer__http", StringComparison.Ordinal)
            && new Uri(variable.Value!).Port == second.App.GetEndpoint("analyzer", "http").Port);
    }
}
