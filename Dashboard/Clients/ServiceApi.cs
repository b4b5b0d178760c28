using System.Net;
using AspireMigration.ApiClients;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AspireMigration.Dashboard.Clients;

/// <summary>
/// One service's generated client under the Dashboard's HttpClient for it, which resolves the service by discovery and carries
/// the Dashboard's key; refusals become <see cref="ApiProblemException"/>. Kiota's own middleware (retries, redirects) is left
/// out: the HttpClient has the service defaults' resilience already, and two layers of retries would multiply each other.
/// </summary>
/// <param name="reportErrors">The service's problem type for every refusal of a raw-stream call, which the generated code maps
/// none for.</param>
internal sealed class ServiceApi(HttpClient http, Dictionary<string, ParsableFactory<IParsable>> reportErrors)
{
    public IRequestAdapter Adapter { get; } = ServiceAdapter.Create(http, http.BaseAddress);

    public static async Task<T> AnswerAsync<T>(Task<T?> call) where T : class =>
        await AnswerOrNullAsync(call, notFoundIsAnswer: false)
        ?? throw new InvalidDataException("The service answered without the body its document promises.");

    /// <summary>Like <see cref="AnswerAsync{T}"/>, but a 404 is an answer (null), not a refusal.</summary>
    public static Task<T?> AnswerOrNullAsync<T>(Task<T?> call) where T : class => AnswerOrNullAsync(call, notFoundIsAnswer: true);

    /// <summary>A command: its acceptance is all there is to read.</summary>
    public static async Task AcceptedAsync(Task call)
    {
        try
        {
            await call;
        }
        catch (ApiException refusal)
        {
            throw ApiProblemException.From(refusal);
        }
    }

    /// <summary>A report as the service rendered it (JSON, CSV or Markdown), which the generated code would parse as JSON.</summary>
    public async Task<string> ReadAsync(RequestInformation report, CancellationToken cancellationToken)
    {
        Stream? body;
        try
        {
            body = await Adapter.SendPrimitiveAsync<Stream>(report, reportErrors, cancellationToken);
        }
        catch (ApiException refusal)
        {
            throw ApiProblemException.From(refusal);
        }
        if (body is null)
        {
            return "";
        }
        await using (body)
        {
            using var reader = new StreamReader(body);
            return await reader.ReadToEndAsync(cancellationToken);
        }
    }

    private static async Task<T?> AnswerOrNullAsync<T>(Task<T?> call, bool notFoundIsAnswer) where T : class
    {
        try
        {
            return await call;
        }
        catch (ApiException refusal) when (notFoundIsAnswer && refusal.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (ApiException refusal)
        {
            throw ApiProblemException.From(refusal);
        }
    }
}
