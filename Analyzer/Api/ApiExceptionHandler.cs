using System.Text.Json;
using AspireMigration.Analyzer.Analysis;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AspireMigration.Analyzer.Api;

/// <summary>
/// Exceptions that are the caller's or the operator's to fix become 4xx ProblemDetails, never a
/// 500: malformed input that failed binding (a body the JSON reader refuses names its field, e.g. a
/// number too large for decimal or a string where a number belongs), and a database the analysis
/// cannot work on.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } bad => InvalidField(bad.StatusCode, json),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = exception.Message },
            AnalysisPreconditionException => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity, Title = "Database cannot be analysed", Detail = exception.Message,
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>The field is the JSON path without its root ("$.prior" → "prior"); a body broken before any field is "body".</summary>
    private static ValidationProblemDetails InvalidField(int status, JsonException json)
    {
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [$"The value of '{field}' is not valid: a wrong JSON type, malformed JSON or a number out of range."],
        })
        {
            Status = status,
            Detail = json.Message,
        };
    }
}
