using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AspireMigration.TestSupport;

/// <summary>
/// A committed OpenAPI document (docs/api) as a contract the live service must keep: every answer a
/// test receives under /api must be an operation, status and content type the document declares,
/// and a JSON body must validate against the declared schema, so a drift between spec and service fails a test.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly string[] JsonMediaTypes = ["application/json", "application/problem+json"];

    private readonly JsonObject paths;
    private readonly JsonObject definitions;

    private OpenApiContract(JsonObject document)
    {
        paths = document["paths"]!.AsObject();
        // The component schemas as $defs of one JSON Schema (OpenAPI 3.1 schemas are JSON Schema 2020-12).
        definitions = JsonNode.Parse(ToDefinitions(document["components"]!["schemas"]!))!.AsObject();
    }

    public static OpenApiContract Load(string name) =>
        new(JsonNode.Parse(File.ReadAllText(CommittedOpenApi.PathOf(name)))!.AsObject());

    /// <summary>
    /// A handler for a test's HttpClient that checks every answer against the document as it arrives.
    /// </summary>
    public DelegatingHandler Checker() => new ContractCheckingHandler(this);

    /// <summary>Throws <see cref="OpenApiContractException"/> when the answer is not one the document declares.</summary>
    public async Task CheckAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return;
        }
        var what = $"{request.Method} {path} answered {(int)response.StatusCode}";
        var operation = FindOperation(request.Method.Method.ToLowerInvariant(), path)
            ?? throw new OpenApiContractException($"{what}, but the document has no such operation.");
        var declared = operation["responses"]?[((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?? throw new OpenApiContractException($"{what}, a status the document does not declare for it.");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || response.Content.Headers.ContentLength == 0)
        {
            return;
        }
        var content = declared["content"]?[mediaType]
            ?? throw new OpenApiContractException($"{what} with {mediaType}, a content type the document does not declare for it.");
        if (!JsonMediaTypes.Contains(mediaType) || content["schema"] is not { } schema)
        {
            return;
        }
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var results = Compile(schema).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            var errors = results.Details.Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"));
            throw new OpenApiContractException($"{what} with a {mediaType} body that breaks the document's schema:\n  "
                + string.Join("\n  ", errors) + "\nbody: " + body?.ToJsonString());
        }
    }

    private JsonSchema Compile(JsonNode schema)
    {
        var root = JsonNode.Parse(ToDefinitions(schema))!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$id"] = $"urn:uuid:{Guid.NewGuid()}";
        root["$defs"] = definitions.DeepClone();
        return JsonSchema.FromText(root.ToJsonString());
    }

    private static string ToDefinitions(JsonNode schema) => schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/");

    /// <summary>The operation whose path template ("/api/runs/{id}") matches the request's path segment by segment.</summary>
    private JsonNode? FindOperation(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        foreach (var (template, item) in paths)
        {
            var parts = template.Trim('/').Split('/');
            if (parts.Length == segments.Length
                && parts.Zip(segments).All(p =>
                    p.First.StartsWith('{') || string.Equals(p.First, Uri.UnescapeDataString(p.Second), StringComparison.Ordinal))
                && item?[method] is { } operation)
            {
                return operation;
            }
        }
        return null;
    }

    private sealed class ContractCheckingHandler(OpenApiContract contract) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await contract.CheckAsync(request, response, cancellationToken);
            return response;
        }
    }
}
