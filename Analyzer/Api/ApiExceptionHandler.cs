using AspireMigration.Analyzer.Analysis;
using Microsoft.AspNetCore.Diagnostics;

namespace AspireMigration.Analyzer.Api;

/// <summary>
/// Exceptions that are the caller's or the operator's to fix become 4xx ProblemDetails, never a
/// 500: malformed input that failed binding (thrown in Development), and a database the analysis
/// cannot work on.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
            AnalysisPreconditionException => (StatusCodes.Status422UnprocessableEntity, "Database cannot be analysed"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
