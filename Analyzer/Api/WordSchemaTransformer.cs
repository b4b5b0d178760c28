using System.Text.Json.Nodes;
using AspireMigration.Analyzer.Scoring;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AspireMigration.Analyzer.Api;

/// <summary>
/// The closed word lists the API carries as strings (so the contracts stay plain records the
/// Dashboard and CLI share) are enums in the document: every "decision" and "assignmentType".
/// </summary>
internal sealed class WordSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var words = context.JsonPropertyInfo?.Name switch
        {
            "decision" => PlanEndpoints.Decisions,
            "assignmentType" => AssignmentTypeNames.All,
            _ => null,
        };
        if (words is not null && schema.Type?.HasFlag(JsonSchemaType.String) == true)
        {
            schema.Enum = words.Select(word => (JsonNode)word).ToList();
        }
        return Task.CompletedTask;
    }
}
