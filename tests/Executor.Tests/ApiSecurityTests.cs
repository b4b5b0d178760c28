using System.Net;
using System.Net.Http.Json;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>Run commands need the deployment's key and the Operator role; nothing changes otherwise.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class ApiSecurityTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Approver)]
    public async Task Only_an_operator_may_start_a_run(string role)
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var planId = await context.Scenario.InsertPlanAsync();
        var http = context.Client.Http;

        using var refused = await http.ActAs(infrastructure.ServiceApiKey, "someone", role).PostAsJsonAsync("/api/runs", new { planId });
        http.DefaultRequestHeaders.Clear();
        using var anonymous = await http.GetAsync("/api/runs");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0L, await context.Scenario.ScalarAsync<long>("SELECT count(*) FROM backfill.run_sagas"));
        Assert.Equal(18L, await context.Scenario.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE project_id IS NULL"));
    }
}
