using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using AnalyzerModels = AspireMigration.ApiClients.Analyzer.Models;
using ExecutorModels = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.ApiClients;

/// <summary>
/// A refusal's problem details as the generated clients parsed them: each service has its own problem types, of one shape.
/// <see cref="Errors"/> are a 400's field errors, keyed by the input's JSON path (<c>pacing.windows[0].from</c>).
/// </summary>
public sealed record ApiProblem(string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
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

    /// <summary>The refusal's problem details; null for a status the document does not name, which carries none.</summary>
    public static ApiProblem? Of(ApiException refusal) => refusal switch
    {
        AnalyzerModels.HttpValidationProblemDetails p => new(p.Title, p.Detail, Fields(p.Errors?.AdditionalData)),
        AnalyzerModels.ProblemDetails p => new(p.Title, p.Detail, Fields(null)),
        ExecutorModels.HttpValidationProblemDetails p => new(p.Title, p.Detail, Fields(p.Errors?.AdditionalData)),
        ExecutorModels.ProblemDetails p => new(p.Title, p.Detail, Fields(null)),
        _ => null,
    };

    private static Dictionary<string, string[]> Fields(IDictionary<string, object>? errors) =>
        (errors ?? new Dictionary<string, object>()).ToDictionary(e => e.Key, e => Messages(e.Value).OfType<string>().ToArray());

    /// <summary>A field's messages: Kiota keeps the undocumented "errors" map as untyped nodes.</summary>
    private static IEnumerable<string?> Messages(object field) => field switch
    {
        UntypedArray array => array.GetValue().Select(m => (m as UntypedString)?.GetValue()),
        UntypedString text => [text.GetValue()],
        _ => [],
    };
}
