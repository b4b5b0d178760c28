using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using AnalyzerModels = AspireMigration.ApiClients.Analyzer.Models;
using ExecutorModels = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Cli.Api;

/// <summary>
/// What a refusal says on stderr: the status, then the ProblemDetails' title, detail and field errors as the generated clients
/// parsed them (each service has its own problem types), or a word on the key or role for 401 and 403.
/// </summary>
public static class ApiProblems
{
    /// <summary>For the raw-stream calls (reports), which get no mapping from the generated code: every refusal is a problem.</summary>
    public static readonly Dictionary<string, ParsableFactory<IParsable>> AnalyzerMapping = new()
    {
        ["XXX"] = AnalyzerModels.HttpValidationProblemDetails.CreateFromDiscriminatorValue,
    };

    /// <inheritdoc cref="AnalyzerMapping"/>
    public static readonly Dictionary<string, ParsableFactory<IParsable>> ExecutorMapping = new()
    {
        ["XXX"] = ExecutorModels.HttpValidationProblemDetails.CreateFromDiscriminatorValue,
    };

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
        var (title, detail, errors) = refusal switch
        {
            AnalyzerModels.HttpValidationProblemDetails p => (p.Title, p.Detail, p.Errors?.AdditionalData),
            AnalyzerModels.ProblemDetails p => (p.Title, p.Detail, null),
            ExecutorModels.HttpValidationProblemDetails p => (p.Title, p.Detail, p.Errors?.AdditionalData),
            ExecutorModels.ProblemDetails p => (p.Title, p.Detail, null),
            _ => (null, null, null),
        };
        var parts = new[] { title, detail }.Concat(errors?.Values.SelectMany(Messages) ?? []).OfType<string>().ToList();
        return parts.Count == 0 ? status : $"{status}: {string.Join(" ", parts)}";
    }

    /// <summary>A field's messages: Kiota keeps the undocumented "errors" map as untyped nodes.</summary>
    private static IEnumerable<string?> Messages(object field) => field switch
    {
        UntypedArray array => array.GetValue().Select(m => (m as UntypedString)?.GetValue()),
        UntypedString text => [text.GetValue()],
        _ => [],
    };
}
