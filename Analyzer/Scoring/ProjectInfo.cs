namespace AspireMigration.Analyzer.Scoring;

/// <summary>What scoring and reasoning need to know about a project.</summary>
public sealed record ProjectInfo(Guid Id, string Name, string? Status)
{
    public const string ActiveStatus = "active";

    public bool IsActive => string.Equals(Status, ActiveStatus, StringComparison.Ordinal);
}
