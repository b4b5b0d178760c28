using System.Text.Json.Nodes;
using AspireMigration.Shared.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AspireMigration.Shared.Api;

/// <summary>
/// The document's parts no endpoint declares: the API key scheme every operation requires, a server
/// relative to wherever the document was fetched (so the committed copy names no host), the optional
/// on-behalf-of headers on every operation, and what each tag holds.
/// </summary>
internal sealed class ServiceApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "The service that served this document" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ServiceApiHeaders.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = $"\"{ServiceApiHeaders.Scheme} <key>\": the key of a client of ServiceApi:Clients. A client that acts on behalf "
                + $"of its users (the Dashboard) also names the user and role in {ServiceApiHeaders.OnBehalfOfUser} and "
                + $"{ServiceApiHeaders.OnBehalfOfRole}; any other client acts as its own configured identity and must not send them.",
        };
        document.Security =
            [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ServiceApiHeaders.Scheme, document)] = [] }];
        document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        document.Components.Parameters[ServiceApiHeaders.OnBehalfOfUser] = Header(ServiceApiHeaders.OnBehalfOfUser,
            "The signed-in user an on-behalf-of client acts for; recorded as createdBy, decidedBy, approvedBy or requestedBy.", null);
        document.Components.Parameters[ServiceApiHeaders.OnBehalfOfRole] = Header(ServiceApiHeaders.OnBehalfOfRole,
            "That user's role; required with the user header.", Roles.All);
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameterReference(ServiceApiHeaders.OnBehalfOfUser, document));
            operation.Parameters.Add(new OpenApiParameterReference(ServiceApiHeaders.OnBehalfOfRole, document));
        }
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
        }
        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, string description, IReadOnlyList<string>? values) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values?.Select(v => (JsonNode)v).ToList() },
    };

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Plans"] = "Analyses of the orphan sessions, their items, decisions, approvals and reports",
        ["Overview"] = "Health figures and the projects an item may be assigned to",
        ["Runs"] = "Executions of approved plans by the run saga, their control, batches, audit trail and reports",
        ["Backups"] = "The backup table each run keeps of the sessions it changes",
    };
}
