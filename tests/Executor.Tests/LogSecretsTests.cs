using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net;
using System.Net.Http.Json;
using AspireMigration.Executor.Api;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// Everything the Executor logs, at every level, through a refused pre-flight, a poison batch with its
/// retries and stack traces, an operator rollback and a caller with a wrong key, holds no secret.
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class LogSecretsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task No_password_connection_string_or_key_is_ever_logged_even_on_failures()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var logs = new LogCapture();
        await using var app = new ExecutorApp(
            scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey,
            configureServices: logs.AddTo, settings: ExecutorTestContext.RetryOnce);
        var client = new RunClient(app.CreateClient());

        Assert.Equal("Failed", (await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(approved: false)))).State);

        await scenario.RefuseUpdatesAsync(2);
        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 4));
        Assert.Equal("Failed", run.State);
        await scenario.WaitUntilAsync("SELECT NOT EXISTS (SELECT 1 FROM backfill.runs WHERE active)");
        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(run.RunId, "rollback")).StatusCode);
        await client.WaitAsync(run.RunId, "RolledBack");

        using var stranger = app.CreateClient().ActAs("not-" + infrastructure.ServiceApiKey, "operator", Roles.Operator);
        var refused = await stranger.PostAsJsonAsync("/api/runs", new StartRunRequest(Guid.NewGuid(), false, null, false));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // The capture saw the failure in full (message, exception, run scope), down to Trace: an empty log would prove nothing.
        Assert.Contains(logs.Entries, e => e.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.Contains(logs.Entries,
            e => e.Contains("session is locked by the application", StringComparison.Ordinal)
            && e.Contains("| exception: ", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Contains($"RunId={run.RunId}", StringComparison.Ordinal));
        logs.AssertNeverLogged(
            ServiceSecrets.Of(scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey));
    }
}
