using System.Security.Claims;

namespace AspireMigration.Dashboard.Clients;

/// <summary>The signed-in user on whose behalf the Dashboard calls a service API.</summary>
public sealed record Actor(string Name, string Role)
{
    public static Actor From(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? throw new InvalidOperationException("No signed-in user."),
        user.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("The signed-in user has no role."));
}
