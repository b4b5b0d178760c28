using AspireMigration.TestSupport;

namespace AspireMigration.Observability.Tests;

/// <summary>A fresh database with the target schema and the tool schema, for one test.</summary>
public sealed class ToolDatabase : MigratedDatabase
{
    private ToolDatabase(string connectionString)
        : base(connectionString)
    {
    }

    public static Task<ToolDatabase> CreateAsync(InfrastructureFixture fixture) =>
        CreateAsync(fixture, connectionString => new ToolDatabase(connectionString));

    public Task InsertPlanAsync(Guid planId, int total, int tentative, int manualReview, double analysisMs) => ExecuteAsync("""
        INSERT INTO backfill.plans (id, created_by, prior, confident_threshold, tentative_threshold, total, confident, tentative,
                                    manual_review, unassigned, risks, recommendations, analysis_duration_ms)
        VALUES (@planId, 'test', 1, 0.9, 0.6, @total, @total - @tentative - @manualReview, @tentative, @manualReview, 0, '[]', '[]',
            @analysisMs)
        """, new { planId, total, tentative, manualReview, analysisMs });

    /// <summary>A finished run whose included items ended with the given outcomes.</summary>
    public async Task InsertRunAsync(Guid runId, string sagaState, long? orphansBefore, params string[] outcomes)
    {
        await ExecuteAsync("""
            INSERT INTO backfill.runs (run_id, plan_id, requested_by, dry_run, active, phase, orphans_before, finished_at)
            VALUES (@runId, gen_random_uuid(), 'operator', false, false, 'finished', @orphansBefore, now());
            INSERT INTO backfill.run_sagas (correlation_id, version, current_state, state) VALUES (@runId, 1, @sagaState, '{}');
            INSERT INTO backfill.run_items (run_id, session_id, assignment_type, included, outcome)
            SELECT @runId, gen_random_uuid(), 'confident', true, o FROM unnest(@outcomes) AS o;
            """, new { runId, sagaState, orphansBefore, outcomes });
    }
}
