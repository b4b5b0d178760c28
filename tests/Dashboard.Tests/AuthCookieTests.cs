using AspireMigration.Dashboard.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMigration.Dashboard.Tests;

/// <summary>The sign-in cookie as the Dashboard configures it, built for a plain and a TLS request.</summary>
public sealed class AuthCookieTests
{
    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public void The_sign_in_cookie_is_secure_whenever_the_request_is_https(string scheme, bool secure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddDashboardAuth();
        using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;

        var cookie = options.Cookie.Build(context);

        Assert.Equal(secure, cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
    }
}
