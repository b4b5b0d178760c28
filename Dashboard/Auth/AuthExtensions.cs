using AspireMigration.Shared.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace AspireMigration.Dashboard.Auth;

public static class AuthExtensions
{
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
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Approve, policy => policy.RequireRole(Roles.Approver))
            .AddPolicy(Policies.Operate, policy => policy.RequireRole(Roles.Operator));
        builder.Services.AddCascadingAuthenticationState();

        builder.Services.AddSingleton<IPasswordHasher<DashboardUser>, PasswordHasher<DashboardUser>>();
        builder.Services.AddSingleton<DashboardUserStore>();
        builder.Services.Configure<DashboardUserOptions>(builder.Configuration.GetSection("Dashboard"));
        builder.Services.AddHostedService<ConfiguredUsersSeeder>();
        return builder;
    }
}
