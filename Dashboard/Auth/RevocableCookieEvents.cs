using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AspireMigration.Dashboard.Auth;

/// <summary>
/// Checks the cookie's security stamp against the user's row on every request: a cookie copied
/// before a sign-out, or kept across a role change or the user's deletion, is refused at once.
/// </summary>
internal sealed class RevocableCookieEvents(DashboardUserStore users, ILoggerFactory loggerFactory) : CookieAuthenticationEvents
{
    private readonly ILogger logger = SignInLog.Create(loggerFactory);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && !await users.IsSessionCurrentAsync(principal, context.HttpContext.RequestAborted))
        {
            logger.SessionRevoked(principal.Identity?.Name ?? "");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
