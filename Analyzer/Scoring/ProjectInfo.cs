namespace AspireMigration.Analyzer.Scoring;

/// <summary>What scoring and reasoning need to know about a project.</summary>
public sealed record ProjectInfo(Guid Id, string Name, string? Status)
{
    public const string ActiveStatus = "active";

    /// <summary>The __unassigned__ project that sessions without evidence are given.</summary>
    public static readonly Guid SentinelId = Guid.Empty;

    public bool IsActive => string.Equals(Status, ActiveStatus, StringComparison.Ordinal);
}
