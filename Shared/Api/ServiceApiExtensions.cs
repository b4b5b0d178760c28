using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Shared.Api;

/// <summary>
/// What both service APIs answer alike: RFC 9457 problems for every error and an OpenAPI document a
/// generated client can trust.
/// </summary>
public static class ServiceApiExtensions
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>
    /// ProblemDetails for every error, binding failures that name their input, numbers read and
    /// documented as JSON numbers only (the web defaults also accept "12", which makes every number
    /// "integer | string" in the document), and the document's security, servers and error answers.
    /// </summary>
    public static TBuilder AddServiceApi<TBuilder>(this TBuilder builder, Action<OpenApiOptions>? configureDocument = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Outside Development a failed binding would be a bare 400; thrown, the handler names the input.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ServiceApiDocumentTransformer>();
            configureDocument?.Invoke(options);
        });
        return builder;
    }

    /// <summary>Problem bodies for exceptions and for statuses written without a body, then the OpenAPI document.</summary>
    public static WebApplication UseServiceApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        return app;
    }

    /// <summary>
    /// Declares the problems every endpoint of <paramref name="builder"/> can answer besides its own:
    /// 401 without a valid key, 403 when its policy refuses the caller, 400 when a route value or body
    /// fails binding. Applied last, so it sees the policies and the endpoint's own declarations.
    /// </summary>
    public static TBuilder ProducesServiceApiProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).ToHashSet();
            void Problem(int status, Type type)
            {
                if (declared.Add(status))
                {
                    metadata.Add(new ProducesResponseTypeMetadata(status, type, [ProblemContentType]));
                }
            }
            Problem(StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
            if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            {
                Problem(StatusCodes.Status403Forbidden, typeof(ProblemDetails));
            }
            var binds = endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 }
                || metadata.OfType<IAcceptsMetadata>().Any();
            if (binds)
            {
                Problem(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
            }
        });
        return builder;
    }
}
