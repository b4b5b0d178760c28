using System.Security.Claims;
using AspireMigration.Executor.Reports;
using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Steps;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Security;
using MassTransit;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AspireMigration.Executor.Api;

/// <summary>
/// The Executor's HTTP API. Commands go onto the bus (202 Accepted): the saga decides, so the API,
/// the dashboard and the bus all obey the same rules. The API refuses (409, nothing published) what
/// is plainly invalid or could only fail: a command the run's state does not take, a rollback
/// without a usable backup or while another run holds the database.
/// </summary>
public static class RunEndpoints
{
    private const int MaxBatchSize = 100_000;
    private const string Rollback = "rollback";

    public static WebApplication MapRunEndpoints(this WebApplication app)
    {
        var runs = app.MapGroup("/api/runs").WithTags("Runs");
        runs.MapPost("/", StartAsync).RequireAuthorization(Policies.Operate);
        runs.MapGet("/", async (RunQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)));
        runs.MapGet("/{id}", (string id, RunQueries queries) => WithRunAsync(id, queries, run => Task.FromResult<IResult>(TypedResults.Ok(RunView.From(run)))));
        runs.MapGet("/{id}/batches", (string id, RunQueries queries, CancellationToken ct) =>
            WithRunAsync(id, queries, async run => TypedResults.Ok(await queries.BatchesAsync(run.CorrelationId, ct))));
        runs.MapGet("/{id}/audit", (string id, RunQueries queries, CancellationToken ct) =>
            WithRunAsync(id, queries, async run => TypedResults.Ok(await queries.AuditAsync(run.CorrelationId, ct))));
        runs.MapGet("/{id}/report", ReportAsync)
            .Produces<RunReport>(StatusCodes.Status200OK, "application/json", "text/csv", "text/markdown");
        runs.MapGet("/{id}/rollback-preview", (string id, string? page, string? pageSize, RunQueries queries, RollbackStep rollback, CancellationToken ct) =>
            WithRunAsync(id, queries, async run => PageRequest.TryParse(page, pageSize, out var errors) is { } request
                ? TypedResults.Ok(await rollback.PreviewAsync(run.CorrelationId, request.Page, request.PageSize, ct))
                : TypedResults.ValidationProblem(errors)))
            .Produces<RollbackPreview>();

        MapCommand(runs, "pause", [nameof(MigrationRunStateMachine.Migrating)], (run, who, _) => new PauseRun(run, who));
        MapCommand(runs, "resume", [nameof(MigrationRunStateMachine.Paused)], (run, who, _) => new ResumeRun(run, who));
        MapCommand(runs, "cancel",
            [nameof(MigrationRunStateMachine.PreFlight), nameof(MigrationRunStateMachine.BackingUp), nameof(MigrationRunStateMachine.Migrating), nameof(MigrationRunStateMachine.Paused)],
            (run, who, _) => new CancelRun(run, who));
        MapCommand(runs, Rollback,
            [nameof(MigrationRunStateMachine.Completed), nameof(MigrationRunStateMachine.Failed), nameof(MigrationRunStateMachine.Paused)],
            (run, who, request) => new RollbackRun(run, who, request?.Force ?? false));

        var backups = app.MapGroup("/api/backups").WithTags("Backups");
        backups.MapGet("/", async (RunQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.BackupsAsync(ct)));
        backups.MapDelete("/{runId}", DropBackupAsync).RequireAuthorization(Policies.Operate);
        return app;
    }

    private static async Task<IResult> StartAsync(StartRunRequest request, ClaimsPrincipal user, IPublishEndpoint bus, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.PlanId == Guid.Empty)
        {
            errors["planId"] = ["planId is required."];
        }
        if (request.BatchSize is < 1 or > MaxBatchSize)
        {
            errors["batchSize"] = [$"batchSize must be between 1 and {MaxBatchSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var runId = Guid.CreateVersion7();
        await bus.Publish(new StartRun(runId, request.PlanId, user.Identity!.Name!, request.SkipLowConfidence,
            request.BatchSize ?? StartRun.DefaultBatchSize, request.DryRun), ct);
        return TypedResults.Accepted($"/api/runs/{runId}", new { runId });
    }

    private static void MapCommand<T>(RouteGroupBuilder runs, string verb, string[] allowedStates, Func<Guid, string, RunCommandRequest?, T> create)
        where T : class =>
        runs.MapPost("/{id}/" + verb, (string id, RunCommandRequest? request, ClaimsPrincipal user, RunQueries queries, RollbackGuard rollbackGuard,
                IPublishEndpoint bus, CancellationToken ct) =>
            WithRunAsync(id, queries, async run =>
            {
                var refusal = allowedStates.Contains(run.CurrentState) && !(run.DryRun && verb != "resume")
                    ? verb == Rollback ? await rollbackGuard.RefuseAsync(run.CorrelationId, ct) : null
                    : new CommandRefusal($"Cannot {verb} this run",
                        $"Run {run.CorrelationId} is {run.CurrentState}{(run.DryRun ? " (dry run)" : "")}; {verb} applies to {string.Join(", ", allowedStates)} runs"
                        + (run.DryRun ? ", never to a dry run." : "."));
                if (refusal is not null)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal.Title, detail: refusal.Detail);
                }
                await bus.Publish(create(run.CorrelationId, user.Identity!.Name!, request), ct);
                return TypedResults.Accepted($"/api/runs/{run.CorrelationId}", new { runId = run.CorrelationId });
            })).RequireAuthorization(Policies.Operate);

    private static Task<IResult> ReportAsync(string id, string? format, RunQueries queries, IOptions<JsonOptions> json, CancellationToken ct) =>
        WithRunAsync(id, queries, run => Task.FromResult<IResult>(!RunReportFormats.TryCreate(format, json.Value.SerializerOptions, out var writer)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"format must be {RunReportFormats.Accepted}."] })
            : TypedResults.Stream(async output =>
            {
                await using var snapshot = await queries.OpenReportAsync(run.CorrelationId, ct);
                await writer.WriteAsync(output, RunView.From(run), snapshot.Outcomes, snapshot.SessionsAsync(ct), ct);
            }, writer.ContentType, $"run-{run.CorrelationId}.{writer.FileExtension}")));

    private static async Task<IResult> DropBackupAsync(string runId, ClaimsPrincipal user, BackupRetention retention, CancellationToken ct)
    {
        if (!Guid.TryParse(runId, out var id))
        {
            return BadId(runId);
        }
        var (found, refusal) = await retention.DropAsync(id, user.Identity!.Name!, ct);
        return !found ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Run {id} has no backup")
            : refusal is not null ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The backup cannot be dropped", detail: refusal)
            : TypedResults.NoContent();
    }

    /// <summary>Parses the id and loads the run: a malformed id is a 400, an unknown one a 404, never a 500.</summary>
    private static async Task<IResult> WithRunAsync(string id, RunQueries queries, Func<MigrationRunState, Task<IResult>> handle)
    {
        if (!Guid.TryParse(id, out var runId))
        {
            return BadId(id);
        }
        var run = await queries.FindAsync(runId);
        return run is null ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Run {runId} does not exist") : await handle(run);
    }

    private static IResult BadId(string id) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"'{id}' is not a run id (a GUID)."] });
}
