using System.Security.Claims;

namespace AspireMigration.Dashboard.Auth;

/// <summary>The claims of a Dashboard sign-in: name, role and the security stamp it was issued with.</summary>
public static class SessionClaims
{
    public const string SecurityStamp = "aspire-migration/security-stamp";

    public static ClaimsPrincipal For(DashboardUser user, string authenticationType) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(SecurityStamp, user.SecurityStamp.ToString()),
            ],
            authenticationType));

    public static Guid? StampOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(SecurityStamp)?.Value, out var stamp) ? stamp : null;
}
