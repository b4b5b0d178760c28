using AspireMigration.ApiClients;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Kiota.Abstractions;

namespace AspireMigration.Dashboard.Clients;

/// <summary>
/// A refusal from a service API (4xx with ProblemDetails), shown to the operator as is; a 400's <see cref="Errors"/> name the
/// input fields by their JSON path, so a form can show each beside its field.
/// </summary>
public sealed class ApiProblemException(string message, IReadOnlyDictionary<string, string[]>? errors = null, Exception? inner = null)
    : Exception(message, inner)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    /// <summary>The refusal as the operator reads it: the problem's detail, else its title, else the status the service answered.</summary>
    public static ApiProblemException From(ApiException refusal)
    {
        var problem = ApiProblem.Of(refusal);
        return new ApiProblemException(
            problem?.Detail ?? problem?.Title
                ?? $"The service answered {refusal.ResponseStatusCode} {ReasonPhrases.GetReasonPhrase(refusal.ResponseStatusCode)}.",
            problem?.Errors, refusal);
    }
}
