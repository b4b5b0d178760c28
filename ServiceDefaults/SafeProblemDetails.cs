using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// ProblemDetails never carry the request back to the caller. The developer exception page puts the
/// request's headers (the API key among them), path and route values under "exception"; in
/// Development only the stack trace stays, elsewhere nothing of the exception does.
/// </summary>
internal static class SafeProblemDetails
{
    private const string ExceptionExtension = "exception";

    public static TBuilder AddSafeProblemDetails<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddProblemDetails(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                Strip(context, development);
            };
        });
        return builder;
    }

    private static void Strip(ProblemDetailsContext context, bool development)
    {
        if (context.ProblemDetails.Extensions.Remove(ExceptionExtension) && development && context.Exception is { } exception)
        {
            context.ProblemDetails.Extensions[ExceptionExtension] = new { details = exception.ToString() };
        }
    }
}
