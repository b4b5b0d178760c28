using System.Globalization;

namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>
/// The query of <c>GET /api/plans/{id}</c>: one page of items, filtered and sorted in PostgreSQL so the
/// grid stays fast at a million items. The service binds it, its tests write it with <see cref="ToQueryString"/>.
/// </summary>
/// <param name="Page">From 1.</param>
/// <param name="PageSize">1 to 1000.</param>
/// <param name="Type">An assignment type: confident, tentative, manual_review or unassigned.</param>
/// <param name="ProjectId">Items whose target or suggested project this is.</param>
public sealed record PlanItemQuery(
    int? Page = null, int? PageSize = null, string? Type = null, Guid? ProjectId = null,
    decimal? MinConfidence = null, decimal? MaxConfidence = null, PlanItemSort? Sort = null, bool? Descending = null)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public string ToQueryString()
    {
        var parameters = new (string Name, string? Value)[]
        {
            ("page", Page?.ToString(CultureInfo.InvariantCulture)),
            ("pageSize", PageSize?.ToString(CultureInfo.InvariantCulture)),
            ("type", Type),
            ("projectId", ProjectId?.ToString()),
            ("minConfidence", MinConfidence?.ToString(CultureInfo.InvariantCulture)),
            ("maxConfidence", MaxConfidence?.ToString(CultureInfo.InvariantCulture)),
            ("sort", Sort?.ToString()),
            ("descending", Descending is { } descending ? descending ? "true" : "false" : null),
        };
        return "?" + string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
    }
}
