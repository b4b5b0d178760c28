using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AspireMigration.Shared.Api;

/// <summary>
/// A request that failed binding becomes a 400 validation problem whose <c>errors</c> name the input:
/// the body field the JSON reader refused ("$.prior" → "prior", "body" when the JSON is broken before
/// any field), or the route or query parameter that did not parse ("page=abc" → "page").
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public const string Body = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var (input, detail) = bad.InnerException is JsonException json
            ? (FieldOf(json), json.Message)
            : (ParameterOf(bad.Message), bad.Message);
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [input] = [$"The value of '{input}' is not valid: a wrong JSON type, malformed JSON, a malformed id or a number out of range."],
        })
        {
            Status = bad.StatusCode,
            Detail = detail,
        };
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    private static string FieldOf(JsonException json) =>
        json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : Body;

    /// <summary>
    /// Binding names the parameter only in its message ("Failed to bind parameter \"Guid id\" from \"abc\".",
    /// "Required parameter \"StartRunRequest request\" was not provided from body."): read it from there, camel-cased
    /// as the query and route names are (a bundle of [AsParameters] binds "page" to its property Page).
    /// </summary>
    private static string ParameterOf(string message) =>
        BoundParameter().Match(message) is { Success: true } match
            ? match.Groups["source"].Value == "body" ? Body : JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value)
            : Body;

    [GeneratedRegex("""parameter "[^"]*?(?<name>\w+)"(?: was not provided from (?<source>\w+))?""")]
    private static partial Regex BoundParameter();
}
