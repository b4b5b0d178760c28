using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AspireMigration.Shared.Api;

/// <summary>
/// What an endpoint's parameters accept, where binding alone cannot tell the document: a string
/// parsed in the handler (so a malformed value gets a 400 naming it) is really a uuid, a whole
/// number in a range or one of a few words; a report comes in several formats.
/// </summary>
public static class OpenApiParameterExtensions
{
    public static TBuilder WithUuidParameter<TBuilder>(this TBuilder builder, string name) where TBuilder : IEndpointConventionBuilder =>
        builder.DescribeParameter(name, schema =>
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "uuid";
        });

    public static TBuilder WithRangeParameter<TBuilder>(this TBuilder builder, string name, int minimum, int? maximum = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.DescribeParameter(name, schema =>
        {
            schema.Type = JsonSchemaType.Integer;
            schema.Format = "int32";
            schema.Pattern = null;
            schema.Minimum = minimum.ToString(CultureInfo.InvariantCulture);
            schema.Maximum = maximum?.ToString(CultureInfo.InvariantCulture);
        });

    public static TBuilder WithTextParameter<TBuilder>(this TBuilder builder, string name, int maxLength, string pattern)
        where TBuilder : IEndpointConventionBuilder =>
        builder.DescribeParameter(name, schema =>
        {
            schema.Type = JsonSchemaType.String;
            schema.MinLength = 1;
            schema.MaxLength = maxLength;
            schema.Pattern = pattern;
        });

    public static TBuilder WithEnumParameter<TBuilder>(this TBuilder builder, string name, IEnumerable<string> values)
        where TBuilder : IEndpointConventionBuilder =>
        builder.DescribeParameter(name, schema =>
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = values.Select(value => (JsonNode)value).ToList();
        });

    /// <summary>
    /// A report's 200: <typeparamref name="TJson"/> as JSON, or the same data as CSV or Markdown text
    /// (?format= chooses), each a download.
    /// </summary>
    public static RouteHandlerBuilder ProducesReport<TJson>(this RouteHandlerBuilder builder) =>
        builder.Produces<TJson>(StatusCodes.Status200OK, "application/json", "text/csv", "text/markdown")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.GetValueOrDefault("200")?.Content is { } content)
                {
                    foreach (var text in new[] { "text/csv", "text/markdown" })
                    {
                        content[text] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                    }
                }
                return Task.CompletedTask;
            });

    private static TBuilder DescribeParameter<TBuilder>(this TBuilder builder, string name, Action<OpenApiSchema> describe)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase) && parameter.Schema is OpenApiSchema schema)
                {
                    describe(schema);
                }
            }
            return Task.CompletedTask;
        });
}
