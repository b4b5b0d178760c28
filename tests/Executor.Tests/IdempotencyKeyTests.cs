using System.Net;
using System.Net.Http.Json;
using AspireMigration.Shared.Api;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Domain;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;
using Microsoft.AspNetCore.Mvc;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// POST /api/runs under an Idempotency-Key: a client that sends its start again (its first answer lost or late, a script run
/// twice) gets the run its first request started, never a second run of the plan.
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class IdempotencyKeyTests(InfrastructureFixture infrastructure)
{
    private static readonly OpenApiContract Contract = OpenApiContract.Load("executor");

    [Fact]
    public async Task A_start_sent_again_under_its_key_answers_with_the_first_run_and_starts_no_other()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var client = context.CreateClient(Contract.Checker());
        var request = new StartRunRequest(await context.Scenario.InsertPlanAsync(), BatchSize: 4);
        var key = Guid.NewGuid().ToString();

        // A retry racing its first try, then one after the run finished, then the key reused for other settings.
        var racing = await Task.WhenAll(StartAsync(client.Http, request, key), StartAsync(client.Http, request, key));
        var run = await client.WaitAsync(racing[0]);
        var later = await StartAsync(client.Http, request, key);
        using var reused = await PostAsync(client.Http, request with { BatchSize = 5 }, key);

        Assert.Equal([run.RunId, run.RunId, run.RunId], [.. racing, later]);
        Assert.Equal(("Completed", 15), (run.State, run.Migrated));
        Assert.Equal(1L, await context.Scenario.ScalarAsync<long>(
            "SELECT count(*) FROM backfill.run_sagas WHERE state->>'planId' = @planId", new { planId = request.PlanId.ToString() }));
        Assert.Single(await client.AuditAsync(run.RunId), e => e.Action == RunAuditActions.StartRequested);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        var problem = await reused.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Idempotency key already used", problem!.Title);
        Assert.Contains(run.RunId.ToString(), problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_is_its_callers_own_and_a_malformed_one_is_refused_naming_the_header()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var client = context.CreateClient(Contract.Checker());
        var other = context.CreateClient(Contract.Checker());
        other.Http.DefaultRequestHeaders.Remove(ServiceApiHeaders.OnBehalfOfUser);
        other.Http.DefaultRequestHeaders.Add(ServiceApiHeaders.OnBehalfOfUser, "another-operator");
        var request = new StartRunRequest(await context.Scenario.InsertPlanAsync(), DryRun: true);

        var mine = await StartAsync(client.Http, request, "nightly-backfill");
        var theirs = await StartAsync(other.Http, request, "nightly-backfill");

        Assert.NotEqual(mine, theirs);
        foreach (var malformed in new[] { "two words", new string('k', IdempotencyKey.MaxLength + 1) })
        {
            using var response = await PostAsync(client.Http, request, malformed);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
            Assert.Contains(IdempotencyKey.Header, problem!.Errors.Keys);
        }
    }

    private static async Task<Guid> StartAsync(HttpClient http, StartRunRequest request, string key)
    {
        using var response = await PostAsync(http, request, key);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RunAccepted>())!.RunId;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, StartRunRequest request, string key) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Headers = { { IdempotencyKey.Header, key } },
            Content = JsonContent.Create(request),
        });
}
