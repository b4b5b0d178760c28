using System.Net;

namespace AspireMigration.Cli.Api;

/// <summary>A service answered with a refusal: its status and the ProblemDetails title and detail.</summary>
public sealed class ApiRefusedException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
