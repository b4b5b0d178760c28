namespace AspireMigration.Dashboard.Auth;

/// <param name="SecurityStamp">
/// Changes whenever the user's sessions must end; the sign-in cookie carries the value it was issued with.
/// </param>
public sealed record DashboardUser(string UserName, string PasswordHash, string Role, Guid SecurityStamp);
