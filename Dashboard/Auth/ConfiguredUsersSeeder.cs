using Microsoft.Extensions.Options;

namespace AspireMigration.Dashboard.Auth;

/// <summary>Creates the configured accounts once the tool schema exists (it runs after the migration service).</summary>
internal sealed class ConfiguredUsersSeeder(IServiceProvider services, IOptions<DashboardUserOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<DashboardUserStore>();
        foreach (var user in options.Value.Users.Where(u => u.UserName.Length > 0 && u.Password.Length > 0))
        {
            await store.UpsertAsync(user.UserName, user.Password, user.Role, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
