using AspireMigration.Shared.Domain;

using System.Globalization;

namespace AspireMigration.Analyzer.Scoring;

/// <summary>
/// The scoring rules of the product contract for one session. Pure and allocation-light: the analysis calls it
/// once per orphan while streaming, so it must not touch the database.
/// </summary>
public sealed class ConfidenceScorer(AnalysisSettings settings, IReadOnlyDictionary<Guid, ProjectInfo> projects)
{
    public const string TieWarning = "tie";

    public ScoredSession Score(SessionEvidence evidence)
    {
        var n = evidence.EvidenceEvents;
        var warnings = new List<string>();
        if (evidence.StillActive)
        {
            warnings.Add("session is still active (ended_at is null)");
        }
        if (n == 0)
        {
            var reasoning = evidence.EventsTotal == 0
                ? "no events recorded for this session"
                : $"none of its {evidence.EventsTotal} events names a project";
            return new(evidence, AssignmentType.Unassigned, SentinelProject.Id, null, 0m, reasoning, warnings);
        }

        var ranked = evidence.Distribution.OrderByDescending(d => d.Events).ThenBy(d => d.ProjectId).ToList();
        var top = ranked[0];
        var confidence = top.Events / (n + settings.Prior);
        var tied = ranked.TakeWhile(d => d.Events == top.Events).ToList();
        if (tied.Count > 1)
        {
            warnings.Insert(0, TieWarning);
            var names = string.Join(", ", tied.Select(d => NameOf(d.ProjectId)));
            return new(evidence, AssignmentType.ManualReview, null, null, confidence,
                $"projects {names} share the top count of {top.Events} of {n} evidence events", warnings);
        }

        var explanation = $"{top.Events} of {n} evidence events point to project {NameOf(top.ProjectId)}; "
            + $"confidence {top.Events}/({n}+{settings.Prior.ToString(CultureInfo.InvariantCulture)}) "
            + $"= {confidence.ToString("0.0000", CultureInfo.InvariantCulture)}";
        if (confidence < settings.TentativeThreshold)
        {
            return new(evidence, AssignmentType.ManualReview, null, top.ProjectId, confidence, explanation, warnings);
        }

        var type = confidence >= settings.ConfidentThreshold ? AssignmentType.Confident : AssignmentType.Tentative;
        var project = projects.GetValueOrDefault(top.ProjectId);
        var targetNotActive = project is not { IsActive: true };
        if (targetNotActive)
        {
            // Moving sessions into an archived or paused project is legal but rarely intended: a human looks first.
            warnings.Add($"target project {NameOf(top.ProjectId)} is {project?.Status ?? "missing"}, not active");
            if (type == AssignmentType.Confident)
            {
                type = AssignmentType.Tentative;
                explanation += "; downgraded from confident because the project is not active";
            }
        }
        return new(evidence, type, top.ProjectId, top.ProjectId, confidence, explanation, warnings) { TargetNotActive = targetNotActive };
    }

    private string NameOf(Guid projectId) => projects.TryGetValue(projectId, out var project) ? project.Name : projectId.ToString();
}
