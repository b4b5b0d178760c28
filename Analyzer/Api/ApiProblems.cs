using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMigration.Analyzer.Api;

/// <summary>The ProblemDetails answers the endpoints share, worded once.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult PlanNotFound(Guid planId) =>
        TypedResults.Problem($"No plan with id {planId}.", statusCode: StatusCodes.Status404NotFound, title: "Plan not found");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);
}
