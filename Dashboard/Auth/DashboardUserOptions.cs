using AspireMigration.Shared.Security;
namespace AspireMigration.Dashboard.Auth;

/// <summary>Accounts created at start ("Dashboard:Users"), e.g. the demo's one user per role.</summary>
public sealed class DashboardUserOptions
{
    public List<ConfiguredUser> Users { get; set; } = [];

    public sealed class ConfiguredUser
    {
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public string Role { get; set; } = Roles.Viewer;
    }
}
