namespace AspireMigration.Dashboard.Clients;

/// <summary>
/// A refusal from a service API (4xx with ProblemDetails), shown to the operator as is; a 400's <see cref="Errors"/> name the
/// input fields by their JSON path, so a form can show each beside its field.
/// </summary>
public sealed class ApiProblemException(string message, IReadOnlyDictionary<string, string[]>? errors = null) : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();
}
