using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;

namespace AspireMigration.Dashboard.Clients;

internal static class ApiResponses
{
    /// <summary>Turns a refusal into a readable message (the ProblemDetails detail or title when there is one) and its errors.</summary>
    public static async Task EnsureAcceptedAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        HttpValidationProblemDetails? problem = null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken);
        }
        throw new ApiProblemException(
            problem?.Detail ?? problem?.Title ?? $"The service answered {(int)response.StatusCode} {response.ReasonPhrase}.",
            problem?.Errors.AsReadOnly());
    }
}
