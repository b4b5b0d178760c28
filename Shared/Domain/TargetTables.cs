namespace AspireMigration.Shared.Domain;

/// <summary>The application's tables the tools read and change (docs/product-contract.md).</summary>
public static class TargetTables
{
    public const string Projects = "projects";
    public const string Sessions = "sessions";
    public const string AnalyticsEvents = "analytics_events";

    public static readonly string[] All = [Projects, Sessions, AnalyticsEvents];
}
