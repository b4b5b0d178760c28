namespace AspireMigration.Dashboard.Clients;

/// <summary>A refusal from a service API (4xx with ProblemDetails), shown to the operator as is.</summary>
public sealed class ApiProblemException(string message) : Exception(message);
