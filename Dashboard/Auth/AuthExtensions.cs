using System.Threading.RateLimiting;
using AspireMigration.Shared.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace AspireMigration.Dashboard.Auth;

public static class AuthExtensions
{
    /// <summary>The rate-limiter policy of the sign-in post.</summary>
    public const string SignInRateLimit = "sign-in";

    public static IHostApplicationBuilder AddDashboardAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/access-denied";
                options.Cookie.Name = "aspire-migration";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.EventsType = typeof(RevocableCookieEvents);
            });
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Approve, policy => policy.RequireRole(Roles.Approver))
            .AddPolicy(Policies.Operate, policy => policy.RequireRole(Roles.Operator));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<RevocableCookieEvents>();
        builder.Services.AddScoped<RevalidatingSessionStateProvider>();
        builder.Services.AddScoped<AuthenticationStateProvider>(
            services => services.GetRequiredService<RevalidatingSessionStateProvider>());
        builder.Services.AddScoped<CircuitHandler, SessionCheckCircuitHandler>();

        builder.Services.Configure<SignInOptions>(builder.Configuration.GetSection(SignInOptions.Section));
        builder.AddSignInRateLimit();

        builder.Services.AddSingleton<IPasswordHasher<DashboardUser>, PasswordHasher<DashboardUser>>();
        builder.Services.AddSingleton<DashboardUserStore>();
        builder.Services.Configure<DashboardUserOptions>(builder.Configuration.GetSection("Dashboard"));
        builder.Services.AddHostedService<ConfiguredUsersSeeder>();
        return builder;
    }

    /// <summary>
    /// Sign-in posts per client address, whichever users they name: the lockout stops guessing one
    /// user's password, this stops trying one password on every user. A refused post is sent back
    /// to the sign-in page with the reason, as a form post expects.
    /// </summary>
    private static void AddSignInRateLimit(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = options.RateLimitWindow,
                    QueueLimit = 0,
                }));
            limiter.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                var logger = SignInLog.Create(http.RequestServices.GetRequiredService<ILoggerFactory>());
                logger.Throttled(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                http.Response.StatusCode = StatusCodes.Status303SeeOther;
                http.Response.Headers.Location = $"/login?error={SignInErrors.Throttled}";
                return ValueTask.CompletedTask;
            };
        });
    }
}
