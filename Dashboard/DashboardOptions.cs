namespace AspireMigration.Dashboard;

/// <summary>The "Dashboard" configuration section.</summary>
public sealed class DashboardOptions
{
    /// <summary>When on, the user who approved a plan cannot start its run.</summary>
    public bool FourEyes { get; set; }

    /// <summary>Where the Aspire dashboard is, for links to a run's traces; the AppHost sets it.</summary>
    public Uri? AspireDashboardUrl { get; set; }
}
