using AspireMigration.Shared.Contracts.Api.Plans;
using AspireMigration.Shared.Domain;

using System.Globalization;
using AspireMigration.Analyzer.Scoring;

namespace AspireMigration.Analyzer.Plans;

/// <summary>
/// Counts what the plan-level risks and recommendations need from the scoring pass's groups, so the
/// assessment never has to hold or re-read the items.
/// </summary>
public sealed class PlanTally
{
    // The product contract: more than 30% of items tentative or manual is a risk worth an operator's attention.
    private const decimal UncertainShareLimit = 0.30m;

    private readonly int[] perType = new int[Enum.GetValues<AssignmentType>().Length];
    private int stillActive;
    private int targetNotActive;

    public void Add(ScoredGroup group)
    {
        perType[(int)group.Type] += group.Items;
        stillActive += group.StillActive;
        targetNotActive += group.TargetNotActive;
    }

    public PlanCounts Counts => new(perType.Sum(),
        perType[(int)AssignmentType.Confident], perType[(int)AssignmentType.Tentative],
        perType[(int)AssignmentType.ManualReview], perType[(int)AssignmentType.Unassigned]);

    public IReadOnlyList<string> Risks(bool sentinelExists)
    {
        var counts = Counts;
        var risks = new List<string>();
        var uncertain = counts.Tentative + counts.ManualReview;
        if (counts.Total > 0 && (decimal)uncertain / counts.Total > UncertainShareLimit)
        {
            risks.Add(string.Create(CultureInfo.InvariantCulture,
                $"{uncertain} of {counts.Total} items ({100m * uncertain / counts.Total:0.#}%) " +
                $"are tentative or need manual review (more than 30%)"));
        }
        if (counts.ManualReview > 0)
        {
            risks.Add($"items needing manual review: {counts.ManualReview}; they are skipped unless an approver assigns a target");
        }
        if (!sentinelExists)
        {
            risks.Add($"the sentinel project {SentinelProject.Name} ({SentinelProject.Id}) is missing; " +
                "unassigned items cannot be migrated");
        }
        if (targetNotActive > 0)
        {
            risks.Add($"items targeting projects that are not active: {targetNotActive}");
        }
        if (stillActive > 0)
        {
            risks.Add($"sessions still active (ended_at is null): {stillActive}; they may change during the run");
        }
        return risks;
    }

    public IReadOnlyList<string> Recommendations(bool sentinelExists)
    {
        var counts = Counts;
        var recommendations = new List<string>();
        if (counts.ManualReview > 0)
        {
            recommendations.Add($"review the manual_review items ({counts.ManualReview}) and assign or exclude each before approval");
        }
        if (counts.Tentative > 0)
        {
            recommendations.Add($"check the tentative items ({counts.Tentative}), or run with 'skip low confidence'");
        }
        if (!sentinelExists)
        {
            recommendations.Add($"create the {SentinelProject.Name} sentinel project before executing");
        }
        if (stillActive > 0)
        {
            recommendations.Add("exclude still-active sessions or wait until they end");
        }
        recommendations.Add("run a dry run first and compare its would-change counts with this plan");
        recommendations.Add("execute in a low-traffic window");
        return recommendations;
    }
}
