namespace AspireMigration.Dashboard.Auth;

public sealed record DashboardUser(string UserName, string PasswordHash, string Role);
