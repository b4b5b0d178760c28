namespace AspireMigration.AppHost.Infrastructure;

public static class DashboardDemoUsersExtensions
{
    /// <summary>
    /// One dashboard account per role for local demos (viewer, approver, operator, approver2 for the
    /// four-eyes rule), sharing the password parameter "dashboard-demo-password". Only added when the
    /// AppHost runs its own demo database: a real database gets its accounts from its operators.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoUsers(
        this IResourceBuilder<ProjectResource> dashboard, MigrationInfrastructure infrastructure)
    {
        if (!infrastructure.IsOwned(infrastructure.Database))
        {
            return dashboard;
        }
        var password = dashboard.ApplicationBuilder.AddParameter("dashboard-demo-password", secret: true);
        (string User, string Role)[] users = [("viewer", "Viewer"), ("approver", "Approver"), ("approver2", "Approver"),
            ("operator", "Operator")];
        for (var i = 0; i < users.Length; i++)
        {
            dashboard
                .WithEnvironment($"Dashboard__Users__{i}__UserName", users[i].User)
                .WithEnvironment($"Dashboard__Users__{i}__Role", users[i].Role)
                .WithEnvironment($"Dashboard__Users__{i}__Password", password);
        }
        return dashboard.WithEnvironment("Dashboard__SignIn__DemoHint",
            "Local demo: sign in as viewer, approver, approver2 or operator. The password is the AppHost parameter "
            + "dashboard-demo-password (AppHost/appsettings.json, or your user secrets if you set one).");
    }
}
