using AspireMigration.Analyzer.Analysis;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AspireMigration.Analyzer.Api;

/// <summary>A database the analysis cannot work on is the operator's to fix: a 422 ProblemDetails, never a 500.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AnalysisPreconditionException)
        {
            return false;
        }
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity, Title = "Database cannot be analysed", Detail = exception.Message,
        };
        httpContext.Response.StatusCode = problem.Status.Value;
        return await problemDetails.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}
