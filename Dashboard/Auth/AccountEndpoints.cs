using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace AspireMigration.Dashboard.Auth;

public static class AccountEndpoints
{
    /// <summary>Sign-in and sign-out as plain form posts, so the auth cookie is set by a normal HTTP response.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");

        account.MapPost("/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
            DashboardUserStore users, HttpContext context, CancellationToken cancellationToken) =>
        {
            var attempt = await users.SignInAsync(userName, password, cancellationToken);
            if (attempt.User is not { } user)
            {
                var error = attempt.Outcome == SignInOutcome.LockedOut ? SignInErrors.LockedOut : SignInErrors.Refused;
                return Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}");
            }
            var principal = SessionClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous().RequireRateLimiting(AuthExtensions.SignInRateLimit);

        // No form field to bind, so the token is checked here: binding is what makes minimal APIs check it.
        account.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery, DashboardUserStore users,
            ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem("The sign-out form is stale or forged; reload the page and sign out again.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
            var userName = context.User.Identity!.Name!;
            await users.EndSessionsAsync(userName, cancellationToken);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            SignInLog.Create(loggerFactory).SignedOut(userName);
            return Results.LocalRedirect("/login");
        }).RequireAuthorization();

        return app;
    }

    // Only local paths: an absolute returnUrl would make the login page an open redirect, and a
    // control character would make the redirect itself throw.
    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
