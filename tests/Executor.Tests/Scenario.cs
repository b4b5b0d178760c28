using AspireMigration.Shared.Database;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// A database of its own holding the demo seed (18 orphans) and the tool schema, plus helpers to
/// write plans the way the Analyzer would (plain SQL: the Executor must not depend on its code).
/// </summary>
public sealed class Scenario : MigratedDatabase
{
    public static readonly Guid Sentinel = SentinelProject.Id;
    public static readonly Guid P1 = Project(1), P2 = Project(2), P3 = Project(3), P4 = Project(4), P5 = Project(5);

    /// <summary>The seed scenario as the Analyzer scores it (the product contract's rules): session number, type, target.</summary>
    public static readonly IReadOnlyList<(int Session, string Type, Guid? Target)> SeedPlan =
    [
        (1, "confident", P1), (2, "confident", P2), (3, "confident", P3), (4, "tentative", P1), (5, "confident", P4),
        (6, "confident", P1), (7, "tentative", P2), (8, "tentative", P3), (9, "tentative", P5), (10, "manual_review", null),
        (11, "manual_review", null), (12, "manual_review", null), (13, "unassigned", Sentinel), (14, "unassigned", Sentinel),
        (15, "unassigned", Sentinel), (16, "confident", P2), (17, "tentative", P4), (18, "confident", P1),
    ];

    private Scenario(string connectionString)
        : base(connectionString) => ServiceConnectionString = connectionString;

    /// <summary>What the Executor connects with: the superuser's, or the least-privilege role's.</summary>
    public string ServiceConnectionString { get; private set; }

    public static Guid Session(int n) => Guid.Parse($"5e550000-0000-0000-0000-{n:D12}");

    public static Guid Project(int n) => Guid.Parse($"10000000-0000-0000-0000-{n:D12}");

    /// <summary>
    /// The seeded database. With <paramref name="serviceRole"/> the services connect as a new role that
    /// holds only the README's least-privilege grants (it owns the tool schema, as a DBA would set it up).
    /// </summary>
    public static async Task<Scenario> CreateAsync(InfrastructureFixture infrastructure, string? serviceRole = null)
    {
        var scenario = new Scenario(await infrastructure.CreateDatabaseAsync(withTargetSchema: false));
        await SeedDemoAsync(scenario.DataSource);
        if (serviceRole is not null)
        {
            var password = Guid.NewGuid().ToString("N");
            var database = new NpgsqlConnectionStringBuilder(scenario.ConnectionString).Database!;
            await scenario.ExecuteAsync($"CREATE ROLE \"{serviceRole}\" LOGIN PASSWORD '{password}'");
            await scenario.ExecuteAsync(LeastPrivilegeGrants.For(serviceRole, database));
            scenario.ServiceConnectionString = new NpgsqlConnectionStringBuilder(
                scenario.ConnectionString) { Username = serviceRole, Password = password }.ConnectionString;
        }
        await using var serviceDataSource = NpgsqlDataSource.Create(scenario.ServiceConnectionString);
        await MigrateToolSchemaAsync(serviceDataSource);
        return scenario;
    }

    /// <summary>Inserts (and by default approves) a plan; <paramref name="items"/> defaults to the seed plan.</summary>
    public async Task<Guid> InsertPlanAsync(IReadOnlyList<(int Session, string Type, Guid? Target)>? items = null, bool approved = true)
    {
        items ??= SeedPlan;
        var planId = Guid.NewGuid();
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO backfill.plans (id, created_by, prior, confident_threshold, tentative_threshold, total, confident, tentative,
                                        manual_review, unassigned, risks, recommendations, analysis_duration_ms)
            VALUES (@planId, 'test', 1, 0.9, 0.6, @total, 0, 0, 0, 0, '[]', '[]', 1);
            INSERT INTO backfill.plan_items (plan_id, session_id, assignment_type, target_project_id, confidence, events_total,
                evidence_events,
                                             reasoning, session_updated_at)
            SELECT @planId, u.session_id, u.type, u.target, 0.5, 1, 1, 'test plan', s.updated_at
            FROM unnest(@sessions, @types, @targets) AS u(session_id, type, target)
            LEFT JOIN sessions s ON s.id = u.session_id;
            """, new
        {
            planId,
            total = items.Count,
            sessions = items.Select(i => Session(i.Session)).ToArray(),
            types = items.Select(i => i.Type).ToArray(),
            targets = items.Select(i => i.Target).ToArray(),
        });
        if (approved)
        {
            await ApproveAsync(planId);
        }
        return planId;
    }

    /// <summary>
    /// <paramref name="count"/> more orphan sessions, beside the seed, and an approved plan sending them all
    /// to project 1 (confident): a run of many batches whose targets are easy to check.
    /// </summary>
    public async Task<Guid> InsertOrphanPlanAsync(int count)
    {
        var planId = Guid.NewGuid();
        await ExecuteAsync("""
            WITH added AS (
                INSERT INTO sessions (id, agent_type, title)
                SELECT gen_random_uuid(), 'test', 'bulk orphan' FROM generate_series(1, @count)
                RETURNING id
            ), items AS (
                INSERT INTO backfill.plan_items (plan_id, session_id, assignment_type, target_project_id, confidence, events_total,
                    evidence_events, reasoning)
                SELECT @planId, id, 'confident', @target, 1, 1, 1, 'test plan' FROM added
            )
            INSERT INTO backfill.plans (id, created_by, prior, confident_threshold, tentative_threshold, total, confident, tentative,
                                        manual_review, unassigned, risks, recommendations, analysis_duration_ms)
            VALUES (@planId, 'test', 1, 0.9, 0.6, @count, @count, 0, 0, 0, '[]', '[]', 1);
            """, new { planId, count, target = P1 });
        await ApproveAsync(planId);
        return planId;
    }

    /// <summary>Approves a plan as the Analyzer does; the database records the newest decision the approval covers.</summary>
    public Task ApproveAsync(Guid planId, string approvedBy = "approver") =>
        ExecuteAsync("INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, @approvedBy)",
            new { planId, approvedBy });

    /// <summary>Withdraws the approval in force as the Analyzer does.</summary>
    public Task WithdrawApprovalAsync(Guid planId, string withdrawnBy = "approver", string reason = "decisions to change") =>
        ExecuteAsync("""
            UPDATE backfill.plan_approvals SET withdrawn_at = now(), withdrawn_by = @withdrawnBy, withdraw_reason = @reason
            WHERE plan_id = @planId AND withdrawn_at IS NULL
            """, new { planId, withdrawnBy, reason });

    /// <summary>Writes a decision straight into the table, as the Analyzer does before approval (and no one may after).</summary>
    public async Task DecideAsync(Guid planId, int session, string decision, Guid? target = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO backfill.plan_item_decisions (plan_id, session_id, decision, target_project_id, decided_by)
            VALUES (@planId, @sessionId, @decision, @target, 'approver')
            """, new { planId, sessionId = Session(session), decision, target });
    }

    /// <summary>
    /// An application's trigger that refuses every update of one seed session: the batch holding it fails on every
    /// delivery (a poison batch), with "session is locked by the application".
    /// </summary>
    public Task RefuseUpdatesAsync(int session) =>
        ExecuteAsync($"""
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN RAISE EXCEPTION 'session is locked by the application'; END $$;
            CREATE TRIGGER refuse BEFORE UPDATE ON sessions FOR EACH ROW WHEN (NEW.id = '{Session(session)}') EXECUTE FUNCTION refuse();
            """);

    /// <summary>An orphan outside every plan, which <see cref="MeddleOutsideTheRunAsync"/> assigns.</summary>
    public static readonly Guid Outsider = Guid.Parse("0be50000-0000-0000-0000-000000000001");

    /// <summary>
    /// An application's trigger: when the run migrates session 1, its own transaction also assigns <see cref="Outsider"/>, an
    /// orphan outside the run, so validation fails ("changed 1 sessions outside the run") and the run rolls back.
    /// </summary>
    public Task MeddleOutsideTheRunAsync() =>
        ExecuteAsync($"""
            INSERT INTO sessions (id, agent_type, title) VALUES ('{Outsider}', 'cursor', 'not in the plan');
            CREATE FUNCTION meddle() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN UPDATE sessions SET project_id = '{P2}' WHERE id = '{Outsider}' AND project_id IS NULL; RETURN NULL; END $$;
            CREATE TRIGGER meddle AFTER UPDATE ON sessions FOR EACH ROW
                WHEN (NEW.id = '{Session(1)}' AND NEW.project_id IS NOT NULL) EXECUTE FUNCTION meddle();
            """);

    /// <summary>Every seed orphan holds what the seed plan gives it: its target, and NULL still for manual review.</summary>
    public async Task AssertSeedPlanAppliedAsync()
    {
        var projects = await SeedProjectsAsync();
        Assert.All(SeedPlan, i => Assert.Equal(i.Type == "manual_review" ? null : i.Target, projects[i.Session]));
    }

    /// <summary>The project_id of every seed orphan, by session number.</summary>
    public async Task<Dictionary<int, Guid?>> SeedProjectsAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid Id, Guid? ProjectId)>(
            "SELECT id, project_id FROM sessions WHERE id = ANY(@ids)", new { ids = SeedPlan.Select(i => Session(i.Session)).ToArray() });
        return rows.ToDictionary(r => int.Parse(r.Id.ToString()[^12..]), r => r.ProjectId);
    }

    /// <summary>The seed orphans' full rows as JSON, to prove a rollback restored them exactly.</summary>
    public async Task<Dictionary<Guid, string>> SeedRowsAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid Id, string Row)>(
            "SELECT id, row_to_json(s)::text FROM sessions s WHERE id = ANY(@ids)",
            new { ids = SeedPlan.Select(i => Session(i.Session)).ToArray() });
        return rows.ToDictionary(r => r.Id, r => r.Row);
    }

    /// <summary>Polls a boolean query until it holds, for effects that follow a state change asynchronously.</summary>
    public Task WaitUntilAsync(string sql, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(() => ScalarAsync<bool>(sql), timeout ?? TimeSpan.FromSeconds(30));
}
