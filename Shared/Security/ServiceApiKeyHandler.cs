using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspireMigration.Shared.Security;

/// <summary>
/// Authenticates "Authorization: ApiKey &lt;key&gt;" and takes the acting user and role from the
/// on-behalf-of headers. Without a valid key the headers count for nothing.
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
        if (Options.Key.Length == 0 || !FixedTimeEquals(header[(ServiceApiHeaders.Scheme.Length + 1)..], Options.Key))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        var user = Request.Headers[ServiceApiHeaders.OnBehalfOfUser].ToString();
        var role = Request.Headers[ServiceApiHeaders.OnBehalfOfRole].ToString();
        if (user.Length == 0 || !Roles.All.Contains(role))
        {
            return Task.FromResult(AuthenticateResult.Fail($"Requests must name the acting user ({ServiceApiHeaders.OnBehalfOfUser}) and a known role ({ServiceApiHeaders.OnBehalfOfRole})."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, role)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
