namespace AspireMigration.AppHost.Infrastructure;

public static class DashboardDemoUsersExtensions
{
    /// <summary>
    /// One dashboard account per role for local demos (viewer, approver, operator, approver2 for the
    /// four-eyes rule), sharing the password parameter "dashboard-demo-password". Only added when the
    /// AppHost runs its own demo database: a real database gets its accounts from its operators. The password
    /// is generated once per checkout and kept in its user secrets, so two checkouts never share one.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoUsers(
        this IResourceBuilder<ProjectResource> dashboard, MigrationInfrastructure infrastructure)
    {
        if (!infrastructure.IsOwned(infrastructure.Database))
        {
            return dashboard;
        }
        var password = dashboard.ApplicationBuilder.AddParameter(
            "dashboard-demo-password", new GenerateParameterDefault { MinLength = 16, Special = false }, secret: true, persist: true);
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
            "Local demo: sign in as viewer, approver, approver2 or operator. The password, generated for this checkout, is the "
            + "parameter dashboard-demo-password: in the Aspire dashboard's resources (show its value), or in "
            + "`dotnet user-secrets --project AppHost list`.");
    }
}
