using AspireMigration.Analyzer.Analysis;
using Microsoft.AspNetCore.Diagnostics;

namespace AspireMigration.Analyzer.Api;

/// <summary>A database the analysis cannot work on is the operator's problem to fix, not a server fault.</summary>
internal sealed class AnalysisExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AnalysisPreconditionException)
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status422UnprocessableEntity, Title = "Database cannot be analysed", Detail = exception.Message },
        });
    }
}
