using System.Security.Claims;
using AspireMigration.Shared.Security;
using Microsoft.Kiota.Abstractions;

namespace AspireMigration.Dashboard.Clients;

/// <summary>The signed-in user on whose behalf the Dashboard calls a service API.</summary>
public sealed record Actor(string Name, string Role)
{
    public static Actor From(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? throw new InvalidOperationException("No signed-in user."),
        user.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("The signed-in user has no role."));

    /// <summary>
    /// Names the user on one request of a generated client; the services take these headers from the Dashboard's key only.
    /// </summary>
    public void AddHeaders<T>(RequestConfiguration<T> request) where T : class, new()
    {
        request.Headers.Add(ServiceApiHeaders.OnBehalfOfUser, Name);
        request.Headers.Add(ServiceApiHeaders.OnBehalfOfRole, Role);
    }
}
