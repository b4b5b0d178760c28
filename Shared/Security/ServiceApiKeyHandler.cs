using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspireMigration.Shared.Security;

/// <summary>
/// Authenticates "Authorization: ApiKey &lt;key&gt;" as the client holding that key. A client that acts
/// on behalf of users names the user and role in the on-behalf-of headers; any other client is its
/// own fixed identity, and a request of it carrying those headers is refused rather than half-honoured.
/// </summary>
internal sealed class ServiceApiKeyHandler(IOptionsMonitor<ServiceApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ServiceApiKeyOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(ServiceApiHeaders.Scheme + " ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var client = FindClient(header[(ServiceApiHeaders.Scheme.Length + 1)..]);
        if (client is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }
        var user = Request.Headers[ServiceApiHeaders.OnBehalfOfUser].ToString();
        var role = Request.Headers[ServiceApiHeaders.OnBehalfOfRole].ToString();
        if (!client.OnBehalfOf)
        {
            return Task.FromResult(user.Length > 0 || role.Length > 0
                ? AuthenticateResult.Fail($"Client {client.Id} acts as {client.Name} only; it may not name another user or role.")
                : Success(client, client.Name, client.Roles));
        }
        if (user.Length == 0 || !Roles.All.Contains(role))
        {
            return Task.FromResult(AuthenticateResult.Fail(
                $"Requests must name the acting user ({ServiceApiHeaders.OnBehalfOfUser}) "
                + $"and a known role ({ServiceApiHeaders.OnBehalfOfRole})."));
        }
        // Audit columns and the four-eyes rule compare recorded names: a user may not take the name of an automation client.
        if (Options.Clients.Any(c => !c.OnBehalfOf && string.Equals(c.Name, user, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(AuthenticateResult.Fail($"{user} is the identity of an automation client, not a user."));
        }
        return Task.FromResult(Success(client, user, [role]));
    }

    /// <summary>
    /// A 401 with a problem body that says why: no key, an unknown key, or on-behalf-of headers this client may not send.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = ServiceApiHeaders.Scheme;
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Not authenticated",
            result.Failure?.Message ?? $"Send \"Authorization: {ServiceApiHeaders.Scheme} <key>\" with the key of a configured client.");
    }

    /// <summary>A 403 with a problem body naming the role the operation needs and the caller's.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var policies = Context.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var required = new List<string>();
        foreach (var name in Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>() ?? [])
        {
            var policy = await policies.GetPolicyAsync(name);
            required.AddRange(policy?.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles) ?? []);
        }
        var roles = Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed",
            $"{Context.User.Identity?.Name} (role {(roles.Count > 0 ? string.Join(", ", roles) : "none")}) may not do this; "
            + (required.Count > 0
                ? $"it needs the role {string.Join(" or ", required.Distinct())}."
                : "it needs a role the caller lacks."));
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (Context.RequestServices.GetService<IProblemDetailsService>() is { } problems)
        {
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
        }
    }

    /// <summary>Compares the presented key with every configured one, without stopping at a match, so timing reveals nothing.</summary>
    private ServiceApiClient? FindClient(string presentedKey)
    {
        var presented = ServiceApiClientConfiguration.Hash(presentedKey);
        ServiceApiClient? found = null;
        foreach (var client in Options.Clients)
        {
            foreach (var key in client.KeyHashes)
            {
                if (CryptographicOperations.FixedTimeEquals(presented, key))
                {
                    found = client;
                }
            }
        }
        return found;
    }

    private AuthenticateResult Success(ServiceApiClient client, string name, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, name), new Claim(ServiceApiClaims.Client, client.Id),
                .. roles.Select(role => new Claim(ClaimTypes.Role, role))
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
