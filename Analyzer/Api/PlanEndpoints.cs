using System.Security.Claims;
using AspireMigration.Analyzer.Analysis;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Analyzer.Reports;
using AspireMigration.Analyzer.Scoring;
using AspireMigration.Shared.Api;
using AspireMigration.Shared.Contracts.Api.Plans;
using AspireMigration.Shared.Contracts.Plans;
using AspireMigration.Shared.Domain;
using AspireMigration.Shared.Security;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AspireMigration.Analyzer.Api;

/// <summary>Plans: analyse, list, page through items, render reports, record decisions, approve and withdraw approval.</summary>
public static class PlanEndpoints
{
    public const int MaxReasonLength = 2000;

    public static readonly IReadOnlyList<string> Decisions = ["exclude", "include", "assign"];

    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder routes)
    {
        var plans = routes.MapGroup("/api/plans").WithTags("Plans").ProducesServiceApiProblems();
        plans.MapPost("/", CreateAsync).WithName("CreatePlan").WithSummary("Analyse the orphan sessions now and store the plan")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Approve);
        plans.MapGet("/", ListAsync).WithName("ListPlans").WithSummary("All plans, newest first, with summary counts");
        plans.MapGet("/{id}", GetAsync).WithName("GetPlan").WithSummary("A plan with one page of its items, filtered and sorted")
            .WithRangeParameter("page", 1).WithRangeParameter("pageSize", 1, PlanItemQuery.MaxPageSize)
            .WithEnumParameter("type", AssignmentTypeNames.All)
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/confidence-histogram", HistogramAsync).WithName("GetPlanConfidenceHistogram")
            .WithSummary("How many items fall in each tenth of confidence: ten buckets, empty ones as 0")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/report", ReportAsync).WithName("GetPlanReport").WithSummary("The plan report as json, csv or md")
            .WithEnumParameter("format", ReportFormats.Names)
            .ProducesReport<PlanReport>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id}/items/{sessionId}/decision", DecideAsync).WithName("DecidePlanItem")
            .WithSummary("Exclude, include or assign one item")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Approve);
        plans.MapPost("/{id}/approve", ApproveAsync).WithName("ApprovePlan")
            .WithSummary("Approve a plan for execution; it is frozen from then on")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Approve);
        plans.MapPost("/{id}/withdraw-approval", WithdrawApprovalAsync).WithName("WithdrawPlanApproval")
            .WithSummary("Withdraw the approval in force, with a reason, to change decisions")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Approve);
        return routes;
    }

    private static async Task<Results<Created<PlanSummary>, ValidationProblem>> CreateAsync(
        [FromBody] CreatePlanRequest? request, ClaimsPrincipal user, AnalysisSettings defaults, AnalysisEngine engine,
        IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var settings = new AnalysisSettings(
            request?.Prior ?? defaults.Prior,
            request?.ConfidentThreshold ?? defaults.ConfidentThreshold,
            request?.TentativeThreshold ?? defaults.TentativeThreshold);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var plan = await engine.AnalyzeAsync(settings, user.Identity!.Name!, cancellationToken);
        await publisher.Publish(new PlanCreated(plan.PlanId, plan.CreatedAt, plan.CreatedBy, plan.Summary.Total,
            plan.Summary.Confident, plan.Summary.Tentative, plan.Summary.ManualReview, plan.Summary.Unassigned), cancellationToken);
        return TypedResults.Created($"/api/plans/{plan.PlanId}", plan);
    }

    private static async Task<Ok<IReadOnlyList<PlanSummary>>> ListAsync(PlanQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(cancellationToken));

    private static async Task<Results<Ok<ItemPage>, ProblemHttpResult, ValidationProblem>> GetAsync(
        Guid id, [AsParameters] PlanItemQuery query, PlanQueries queries, CancellationToken cancellationToken)
    {
        if (query.Page is < 1)
        {
            return ApiProblems.Invalid("page", "The page must be 1 or more.");
        }
        if (query.PageSize is < 1 or > PlanItemQuery.MaxPageSize)
        {
            return ApiProblems.Invalid("pageSize", $"The page size must be between 1 and {PlanItemQuery.MaxPageSize}.");
        }
        if (query.Type is not null && !AssignmentTypeNames.TryParse(query.Type, out _))
        {
            return ApiProblems.Invalid("type", $"The type must be one of {string.Join(", ", AssignmentTypeNames.All)}.");
        }
        var result = await queries.PageAsync(id, query, cancellationToken);
        return result is null ? ApiProblems.PlanNotFound(id) : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<ConfidenceBucket>>, ProblemHttpResult>> HistogramAsync(
        Guid id, PlanQueries queries, CancellationToken cancellationToken) =>
        await queries.HistogramAsync(id, cancellationToken) is { } buckets ? TypedResults.Ok(buckets) : ApiProblems.PlanNotFound(id);

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult, ValidationProblem>> ReportAsync(
        Guid id, string? format, PlanQueries queries, CancellationToken cancellationToken)
    {
        if (!ReportFormats.TryParse(format, out var reportFormat))
        {
            return ApiProblems.Invalid("format", $"The format must be {ReportFormats.Accepted}.");
        }
        var plan = await queries.FindAsync(id, cancellationToken);
        if (plan is null)
        {
            return ApiProblems.PlanNotFound(id);
        }
        var writer = ReportFormats.WriterFor(reportFormat);
        return TypedResults.Stream(
            output => writer.WriteAsync(output, plan, queries.StreamItemsAsync(id, cancellationToken), cancellationToken),
            writer.ContentType, $"plan-{id}.{writer.FileExtension}");
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DecideAsync(
        Guid id, Guid sessionId, DecisionRequest request, ClaimsPrincipal user, PlanDecisions decisions,
        CancellationToken cancellationToken)
    {
        if (request.Decision is null || !Decisions.Contains(request.Decision, StringComparer.Ordinal))
        {
            return ApiProblems.Invalid("decision", $"The decision must be one of {string.Join(", ", Decisions)}.");
        }
        if ((request.Decision == "assign") != request.TargetProjectId.HasValue)
        {
            return ApiProblems.Invalid("targetProjectId", "A target project is required for assign and allowed only there.");
        }
        if (request.TargetProjectId == SentinelProject.Id)
        {
            return ApiProblems.Invalid("targetProjectId",
                $"The sentinel project {SentinelProject.Name} ({SentinelProject.Id}) cannot be assigned; "
                + "only sessions without evidence go there.");
        }
        return await decisions.DecideAsync(id, sessionId, request.Decision, request.TargetProjectId, user.Identity!.Name!,
                cancellationToken) switch
        {
            DecisionOutcome.Recorded => TypedResults.NoContent(),
            DecisionOutcome.PlanNotFound => ApiProblems.PlanNotFound(id),
            DecisionOutcome.ItemNotFound => TypedResults.Problem($"Plan {id} has no item for session {sessionId}.",
                statusCode: StatusCodes.Status404NotFound, title: "Plan item not found"),
            DecisionOutcome.PlanFrozen => ApiProblems.Conflict("Plan is frozen",
                $"Plan {id} is approved, so its decisions can no longer change; "
                + "an approver must withdraw the approval first. Nothing was recorded."),
            _ => ApiProblems.Invalid("targetProjectId", $"Project {request.TargetProjectId} does not exist or is not active."),
        };
    }

    private static async Task<Results<Ok<PlanSummary>, ProblemHttpResult, ValidationProblem>> ApproveAsync(
        Guid id, ApprovalRequest request, ClaimsPrincipal user, PlanDecisions decisions, PlanQueries queries,
        CancellationToken cancellationToken)
    {
        return await decisions.ApproveAsync(id, user.Identity!.Name!, request.AcknowledgeRisks, cancellationToken) switch
        {
            ApprovalOutcome.Approved => TypedResults.Ok((await queries.FindAsync(id, cancellationToken))!),
            ApprovalOutcome.PlanNotFound => ApiProblems.PlanNotFound(id),
            ApprovalOutcome.AlreadyApproved => ApiProblems.Conflict("Plan already approved", $"Plan {id} has already been approved."),
            _ => ApiProblems.Conflict("Risks not acknowledged", $"Plan {id} lists risks; approve it with acknowledgeRisks=true."),
        };
    }

    private static async Task<Results<Ok<PlanSummary>, ProblemHttpResult, ValidationProblem>> WithdrawApprovalAsync(
        Guid id, WithdrawApprovalRequest request, ClaimsPrincipal user, PlanDecisions decisions, PlanQueries queries,
        CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return ApiProblems.Invalid("reason", $"A reason of 1 to {MaxReasonLength} characters is required to withdraw an approval.");
        }
        return await decisions.WithdrawApprovalAsync(id, user.Identity!.Name!, reason, cancellationToken) switch
        {
            WithdrawalOutcome.Withdrawn => TypedResults.Ok((await queries.FindAsync(id, cancellationToken))!),
            WithdrawalOutcome.PlanNotFound => ApiProblems.PlanNotFound(id),
            WithdrawalOutcome.NotApproved => ApiProblems.Conflict("Plan not approved", $"Plan {id} has no approval in force to withdraw."),
            _ => ApiProblems.Conflict("Run active",
                $"A run of plan {id} is active; withdraw its approval once the run has finished or been cancelled."),
        };
    }
}
