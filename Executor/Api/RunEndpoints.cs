using System.Security.Claims;
using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Recovery;
using AspireMigration.Executor.Reports;
using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Steps;
using AspireMigration.Shared.Api;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using FromHeader = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;
using Microsoft.Extensions.Options;

namespace AspireMigration.Executor.Api;

/// <summary>
/// The Executor's HTTP API. Commands go onto the bus (202 Accepted), each recorded first (<see cref="RunRequests"/>) so that
/// one the broker loses is sent again: the saga decides, so the API, the dashboard and the bus all obey the same rules. The
/// API refuses (404/409, nothing published) what is plainly invalid or could only fail: a plan that does not exist, a
/// command the run's state does not take, a rollback or retry without a usable backup or while another run holds the
/// database, a retry of a run that did not fail on a batch.
/// </summary>
public static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunEndpoints(this IEndpointRouteBuilder routes)
    {
        var runs = routes.MapGroup("/api/runs").WithTags("Runs").ProducesServiceApiProblems().WithUuidParameter("id");
        runs.MapPost("/", StartAsync).RequireAuthorization(Policies.Operate).WithName("StartRun")
            .WithSummary("Start a run of an approved plan (or a dry run); the saga takes it from there. Sent again under the "
                + "same Idempotency-Key, it answers with the run the key started")
            .WithTextParameter(IdempotencyKey.Header, IdempotencyKey.MaxLength, IdempotencyKey.Pattern)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        runs.MapGet("/", async (RunQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)))
            .WithName("ListRuns").WithSummary("The newest 500 runs, newest first");
        runs.MapGet("/{id}", (string id, RunQueries queries) =>
                WithRunAsync(id, queries, run => Task.FromResult(TypedResults.Ok(queries.View(run)))))
            .WithName("GetRun").WithSummary("A run's state, settings and counters").ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id}/batches", (string id, RunQueries queries, CancellationToken ct) =>
                WithRunAsync(id, queries, async run => TypedResults.Ok(await queries.BatchesAsync(run.CorrelationId, ct))))
            .WithName("ListRunBatches").WithSummary("The batches a run has completed, in order")
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id}/audit", (string id, RunQueries queries, CancellationToken ct) =>
                WithRunAsync(id, queries, async run => TypedResults.Ok(await queries.AuditAsync(run.CorrelationId, ct))))
            .WithName("ListRunAudit").WithSummary("The run's audit trail, oldest first").ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id}/report", ReportAsync).WithName("GetRunReport").WithSummary("The run report as json, csv or md")
            .WithEnumParameter("format", RunReportFormats.Names)
            .ProducesReport<RunReport>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id}/rollback-preview", (string id, string? page, string? pageSize, RunQueries queries, RollbackStep rollback,
                CancellationToken ct) => WithRunAsync(id, queries, async Task<Results<Ok<RollbackPreview>, ValidationProblem>> (run) =>
                PageRequest.TryParse(page, pageSize, out var errors) is { } request
                    ? TypedResults.Ok(await rollback.PreviewAsync(run.CorrelationId, request.Page, request.PageSize, ct))
                    : TypedResults.ValidationProblem(errors)))
            .WithName("GetRollbackPreview").WithSummary("One page of what a rollback would restore now, with the run's totals")
            .WithRangeParameter("page", 1).WithRangeParameter("pageSize", 1, PageRequest.MaxPageSize)
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapCommand(runs, OperatorCommands.Pause, (run, who, _) => new PauseRun(run, who));
        MapCommand(runs, OperatorCommands.Resume, (run, who, _) => new ResumeRun(run, who));
        MapCommand(runs, OperatorCommands.Cancel, (run, who, _) => new CancelRun(run, who));
        MapCommand(runs, OperatorCommands.Rollback, (run, who, request) => new RollbackRun(run, who, request?.Force ?? false));
        MapCommand(runs, OperatorCommands.Retry, (run, who, _) => new RetryRun(run, who));
        runs.MapPut("/{id}/pacing", ChangePacingAsync).RequireAuthorization(Policies.Operate).WithName("ChangeRunPacing")
            .WithSummary("Change a running run's pacing; its next dispatch follows it (audited)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var backups = routes.MapGroup("/api/backups").WithTags("Backups").ProducesServiceApiProblems().WithUuidParameter("runId");
        backups.MapGet("/", async (RunQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.BackupsAsync(ct)))
            .WithName("ListBackups").WithSummary("Every run's backup table, kept or dropped");
        backups.MapDelete("/{runId}", DropBackupAsync).RequireAuthorization(Policies.Operate)
            .WithName("DropBackup").WithSummary("Drop a finished run's backup table")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>
    /// Refuses an unknown plan before anything is queued, and answers once the saga holds the run, so the
    /// Location shows the run under way at once (read-your-writes), not Pending until the StartRun is consumed. Under an
    /// idempotency key the caller used already, it answers with that key's run, or 422 if the key started different settings.
    /// </summary>
    private static async Task<Results<Accepted<RunAccepted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartRunRequest request, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ClaimsPrincipal user,
        RunQueries queries, RunRequests requests, CancellationToken ct)
    {
        var errors = PacingValidation.Errors(request.BatchSize, request.Pacing);
        if (request.PlanId == Guid.Empty)
        {
            errors["planId"] = ["planId is required."];
        }
        if (idempotencyKey is not null && IdempotencyKey.Refusal(idempotencyKey) is { } keyRefusal)
        {
            errors[IdempotencyKey.Header] = [keyRefusal];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await queries.PlanExistsAsync(request.PlanId, ct))
        {
            return TypedResults.Problem(
                $"No plan with id {request.PlanId}.", statusCode: StatusCodes.Status404NotFound, title: "Plan not found");
        }

        var start = await requests.StartAsync(new StartRun(Guid.CreateVersion7(), request.PlanId, user.Identity!.Name!,
            request.SkipLowConfidence, request.BatchSize ?? StartRun.DefaultBatchSize, request.DryRun, request.Pacing), idempotencyKey, ct);
        if (!start.SameRequest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key already used",
                detail: $"The {IdempotencyKey.Header} '{idempotencyKey}' started run {start.RunId} with other settings; "
                    + "send a new key to start another run.");
        }
        // A StartRun the broker refused is not on its way: the run is Pending until the reconciler sends it, nothing to wait for.
        if (start.Sent)
        {
            await queries.WaitUntilKnownAsync(start.RunId, ct);
        }
        return TypedResults.Accepted($"/api/runs/{start.RunId}", new RunAccepted(start.RunId));
    }

    private static Task<Results<Results<Accepted<RunAccepted>, ValidationProblem, ProblemHttpResult>, ProblemHttpResult>> ChangePacingAsync(
        string id, ChangePacingRequest request, ClaimsPrincipal user, RunQueries queries, RunRequests requests, CancellationToken ct) =>
        WithRunAsync(id, queries, async Task<Results<Accepted<RunAccepted>, ValidationProblem, ProblemHttpResult>> (run) =>
        {
            var errors = request.Pacing is null
                ? new Dictionary<string, string[]> { ["pacing"] = ["pacing is required."] }
                : PacingValidation.Errors(request.BatchSize, request.Pacing);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            if (StateRefusal(OperatorCommands.Pace, run) is { } refusal)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal.Title, detail: refusal.Detail);
            }
            await requests.SubmitAsync(new ChangePacing(run.CorrelationId, user.Identity!.Name!, request.Pacing!, request.BatchSize), ct);
            return TypedResults.Accepted($"/api/runs/{run.CorrelationId}", new RunAccepted(run.CorrelationId));
        });

    private static void MapCommand<T>(RouteGroupBuilder runs, string verb, Func<Guid, string, RunCommandRequest?, T> create)
        where T : class, IRunRequest =>
        runs.MapPost("/{id}/" + verb, (string id, RunCommandRequest? request, ClaimsPrincipal user, RunQueries queries,
                RollbackGuard rollbackGuard, RetryGuard retryGuard, RunRequests requests, CancellationToken ct) =>
            WithRunAsync(id, queries, async Task<Results<Accepted<RunAccepted>, ProblemHttpResult>> (run) =>
            {
                var refusal = StateRefusal(verb, run) ?? verb switch
                {
                    OperatorCommands.Rollback => await rollbackGuard.RefuseAsync(run.CorrelationId, ct),
                    OperatorCommands.Retry => await retryGuard.RefuseAsync(run, ct),
                    _ => null,
                };
                if (refusal is not null)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal.Title, detail: refusal.Detail);
                }
                await requests.SubmitAsync(create(run.CorrelationId, user.Identity!.Name!, request), ct);
                return TypedResults.Accepted($"/api/runs/{run.CorrelationId}", new RunAccepted(run.CorrelationId));
            }))
            .RequireAuthorization(Policies.Operate)
            .WithName(char.ToUpperInvariant(verb[0]) + verb[1..] + "Run")
            .WithSummary($"Ask the run's saga to {verb} the run")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Why the run's state does not take <paramref name="verb"/>; null when it does.</summary>
    private static CommandRefusal? StateRefusal(string verb, MigrationRunState run) =>
        OperatorCommands.Allows(verb, run.CurrentState, run.DryRun) ? null
        : new CommandRefusal($"Cannot {verb} this run",
            $"Run {run.CorrelationId} is {run.CurrentState}{(run.DryRun ? " (dry run)" : "")}; {verb} applies to "
            + string.Join(", ", OperatorCommands.StatesFor(verb)) + " runs" + (run.DryRun ? ", never to a dry run." : "."));

    private static Task<Results<Results<PushStreamHttpResult, ValidationProblem>, ProblemHttpResult>> ReportAsync(
        string id, string? format, RunQueries queries, IOptions<JsonOptions> json, CancellationToken ct) =>
        WithRunAsync(id, queries, run => Task.FromResult<Results<PushStreamHttpResult, ValidationProblem>>(
            !RunReportFormats.TryCreate(format, json.Value.SerializerOptions, out var writer)
                ? TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["format"] = [$"format must be {RunReportFormats.Accepted}."] })
                : TypedResults.Stream(async output =>
                {
                    await using var snapshot = await queries.OpenReportAsync(run.CorrelationId, ct);
                    await writer.WriteAsync(output, queries.View(run), snapshot.Outcomes, snapshot.SessionsAsync(ct), ct);
                }, writer.ContentType, $"run-{run.CorrelationId}.{writer.FileExtension}")));

    private static async Task<Results<NoContent, ProblemHttpResult>> DropBackupAsync(
        string runId, ClaimsPrincipal user, BackupRetention retention, CancellationToken ct)
    {
        if (!Guid.TryParse(runId, out var id))
        {
            return BadId(nameof(runId), runId);
        }
        var (found, refusal) = await retention.DropAsync(id, user.Identity!.Name!, ct);
        return !found
            ? TypedResults.Problem($"Run {id} has no backup.", statusCode: StatusCodes.Status404NotFound, title: "Backup not found")
            : refusal is not null
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The backup cannot be dropped", detail: refusal)
            : TypedResults.NoContent();
    }

    /// <summary>Parses the id and loads the run: a malformed id is a 400, an unknown one a 404, never a 500.</summary>
    private static async Task<Results<TResult, ProblemHttpResult>> WithRunAsync<TResult>(
        string id, RunQueries queries, Func<MigrationRunState, Task<TResult>> handle) where TResult : IResult
    {
        if (!Guid.TryParse(id, out var runId))
        {
            return BadId(nameof(id), id);
        }
        var run = await queries.FindAsync(runId);
        return run is null
            ? TypedResults.Problem($"No run with id {runId}.", statusCode: StatusCodes.Status404NotFound, title: "Run not found")
            : await handle(run);
    }

    /// <summary>A 400 that names the parameter, as a validation problem (its errors keyed by the parameter's name).</summary>
    private static ProblemHttpResult BadId(string name, string value) =>
        TypedResults.Problem(new HttpValidationProblemDetails(
            new Dictionary<string, string[]> { [name] = [$"'{value}' is not a run id (a GUID)."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = $"The {name} '{value}' is not a GUID.",
        });
}
