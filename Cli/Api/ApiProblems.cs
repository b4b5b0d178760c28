using System.Net;
using AspireMigration.ApiClients;
using Microsoft.Kiota.Abstractions;

namespace AspireMigration.Cli.Api;

/// <summary>
/// What a refusal says on stderr: the status, then the ProblemDetails' title, detail and field errors as the generated clients
/// parsed them (<see cref="ApiProblem"/>), or a word on the key or role for 401 and 403.
/// </summary>
public static class ApiProblems
{
    public static HttpStatusCode Status(this ApiException refusal) => (HttpStatusCode)refusal.ResponseStatusCode;

    public static string Describe(ApiException refusal)
    {
        using var reason = new HttpResponseMessage(refusal.Status());
        var status = $"{refusal.ResponseStatusCode} {reason.ReasonPhrase}";
        if (refusal.Status() == HttpStatusCode.Unauthorized)
        {
            return $"{status}: the key was refused (a wrong or revoked key, or one of a client that may not act as it asked).";
        }
        if (refusal.Status() == HttpStatusCode.Forbidden)
        {
            return $"{status}: this client's role may not take this action.";
        }
        var problem = ApiProblem.Of(refusal);
        var parts = new[] { problem?.Title, problem?.Detail }.Concat(problem?.Errors.Values.SelectMany(m => m) ?? []).OfType<string>()
            .ToList();
        return parts.Count == 0 ? status : $"{status}: {string.Join(" ", parts.Select(Sentence))}";
    }

    // A title is a phrase ("Run not found"): run into the detail without a stop, it would read as one garbled sentence.
    private static string Sentence(string part) => part.TrimEnd() is var text && text.EndsWith('.') ? text : text + ".";
}
