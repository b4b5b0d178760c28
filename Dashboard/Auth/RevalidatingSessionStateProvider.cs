using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AspireMigration.Dashboard.Auth;

/// <summary>
/// A circuit outlives the request that opened it, so its user is checked again: every
/// <see cref="RevalidationInterval"/> while idle, and before each action (<see cref="SessionCheckCircuitHandler"/>).
/// A revoked session turns the circuit anonymous, and the router sends the browser to the sign-in page.
/// </summary>
internal sealed class RevalidatingSessionStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly DashboardUserStore users;
    private readonly ILogger logger;
    private Task<AuthenticationState>? current;
    private bool revoked;

    public RevalidatingSessionStateProvider(DashboardUserStore users, ILoggerFactory loggerFactory) : base(loggerFactory)
    {
        this.users = users;
        logger = SignInLog.Create(loggerFactory);
        AuthenticationStateChanged += state => current = state;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    /// <summary>False, and the circuit signed out, once the signed-in user's session is no longer current.</summary>
    public async Task<bool> CheckNowAsync(CancellationToken cancellationToken)
    {
        if (revoked)
        {
            return false;
        }
        if (current is null || (await current).User is not { Identity.IsAuthenticated: true } user
            || await users.IsSessionCurrentAsync(user, cancellationToken))
        {
            return true;
        }
        revoked = true;
        logger.SessionRevoked(user.Identity.Name ?? "");
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        return false;
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var valid = await users.IsSessionCurrentAsync(authenticationState.User, cancellationToken);
        if (!valid)
        {
            logger.SessionRevoked(authenticationState.User.Identity?.Name ?? "");
        }
        return valid;
    }
}
