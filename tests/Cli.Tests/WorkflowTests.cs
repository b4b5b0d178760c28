using System.Text.Json;
using AspireMigration.AppHost.Infrastructure;
using AspireMigration.Cli.Configuration;
using AspireMigration.TestSupport;
using Dapper;
using Npgsql;

namespace AspireMigration.Cli.Tests;

/// <summary>
/// The whole workflow through the command line binary against the running AppHost, as a CI job runs
/// it: no terminal, --yes, --json, the config file the AppHost wrote, and the database checked.
/// </summary>
[Collection(CliStackCollection.Name)]
[TestCaseOrderer(FreshStackFirst.TypeName, FreshStackFirst.AssemblyName)]
public sealed class WorkflowTests(FullStackFixture fixture)
{
    private Dictionary<string, string> LocalStack => new()
    {
        [ConnectionResolver.ConfigVariable] = Path.Combine(fixture.DataDirectory, ConnectionResolver.LocalStackFileName),
    };

    [Fact]
    public async Task Analyse_approve_dry_run_run_and_roll_back_with_no_terminal()
    {
        var orphans = await OrphansAsync();

        var analysed = await CliProcess.RunAsync(LocalStack, "plans", "analyze", "--json");
        var planId = analysed.Json().GetProperty("planId").GetString()!;
        var decided = await CliProcess.RunAsync(
            LocalStack, "plans", "decide", planId, "5e550000-0000-0000-0000-000000000010", "assign", "frontend-app");
        var unacknowledged = await CliProcess.RunAsync(LocalStack, "plans", "approve", planId, "--yes");
        var approved = await CliProcess.RunAsync(LocalStack, "plans", "approve", planId, "--acknowledge-risks", "--yes", "--json");
        var approvedAgain = await CliProcess.RunAsync(LocalStack, "plans", "approve", planId, "--acknowledge-risks", "--yes");
        var dryRun = await CliProcess.RunAsync(LocalStack, "runs", "start", planId, "--dry-run", "--wait", "--json");
        var afterDryRun = await OrphansAsync();
        var dryRunShown = await CliProcess.RunAsync(LocalStack, "runs", "show", dryRun.Json().GetProperty("runId").GetString()!);
        var planShown = await CliProcess.RunAsync(LocalStack, "plans", "show", planId, "--type", "tentative");
        var unconfirmed = await CliProcess.RunAsync(LocalStack, "runs", "start", planId, "--wait");
        var runsBeforeStart = (await CliProcess.RunAsync(LocalStack, "runs", "list", "--json")).Json().GetArrayLength();
        string[] start = ["runs", "start", planId, "--yes", "--json", "--idempotency-key", $"workflow-{planId}",
            "--target-batch-ms", "200", "--min-batch", "10", "--max-batch", "500", "--max-rate", "100000"];
        var run = await CliProcess.RunAsync(LocalStack, [.. start, "--wait"]);
        var afterRun = await OrphansAsync();
        var healthAfterRun = await CliProcess.RunAsync(LocalStack, "health", "--json");
        var runId = run.Json().GetProperty("runId").GetString()!;
        // The same command again (a retried script): the run its key started, not a second one.
        var startedAgain = await CliProcess.RunAsync(LocalStack, start);
        var runsAfterStart = (await CliProcess.RunAsync(LocalStack, "runs", "list", "--json")).Json().GetArrayLength();
        var shown = await CliProcess.RunAsync(LocalStack, "runs", "show", runId);
        var paceFinished = await CliProcess.RunAsync(LocalStack, "runs", "pace", runId, "--max-rate", "10");
        var audit = await CliProcess.RunAsync(LocalStack, "runs", "audit", runId);
        var preview = await CliProcess.RunAsync(LocalStack, "runs", "rollback", runId, "--preview", "--json");
        var previewShown = await CliProcess.RunAsync(LocalStack, "runs", "rollback", runId, "--preview");
        var rolledBack = await CliProcess.RunAsync(LocalStack, "runs", "rollback", runId, "--yes", "--wait", "--json");
        var afterRollback = await OrphansAsync();

        Assert.True(analysed.ExitCode == ExitCodes.Done, analysed.ToString());
        Assert.Equal("cli", analysed.Json().GetProperty("createdBy").GetString());
        Assert.Equal(orphans.Count, analysed.Json().GetProperty("summary").GetProperty("total").GetInt32());
        Assert.True(decided.ExitCode == ExitCodes.Done, decided.ToString());
        // Wrapped at the 80 columns a run without a terminal gets.
        Assert.Matches(@"to project\s+frontend-app\s+\(10000000-0000-0000-0000-000000000001\)\.", decided.Stdout);
        Assert.Equal(ExitCodes.Usage, unacknowledged.ExitCode);
        Assert.Contains("lists 4 risks; read them (plans show", unacknowledged.Stderr, StringComparison.Ordinal);
        Assert.Contains("approve with --acknowledge-risks", unacknowledged.Stderr, StringComparison.Ordinal);
        Assert.True(approved.ExitCode == ExitCodes.Done, approved.ToString());
        Assert.Equal("cli", approved.Json().GetProperty("approval").GetProperty("approvedBy").GetString());
        Assert.Equal(ExitCodes.Failed, approvedAgain.ExitCode);
        Assert.Contains("409", approvedAgain.Stderr, StringComparison.Ordinal);
        Assert.True(dryRun.ExitCode == ExitCodes.Done, dryRun.ToString());
        Assert.Equal(("Completed", true),
            (dryRun.Json().GetProperty("state").GetString(), dryRun.Json().GetProperty("dryRun").GetBoolean()));
        Assert.Equal(orphans, afterDryRun);
        // A dry run wrote nothing, so no figure of it says "Migrated"; and every batch it tried is done.
        Assert.Matches(@"(?m)^State +Completed \(dry run: nothing was written\)", dryRunShown.Stdout);
        Assert.Matches(@"(?m)^Would migrate +[1-9]", dryRunShown.Stdout);
        Assert.DoesNotMatch("(?m)^Migrated ", dryRunShown.Stdout);
        Assert.Matches(@"(?m)^Batches +(\d+) of \1 done", dryRunShown.Stdout);
        // Projects by name: the seed's archived target, and no decision yet.
        Assert.Matches("(?m)^Target +legacy-portal *$", planShown.Stdout);
        Assert.Matches("(?m)^Decision +none *$", planShown.Stdout);
        Assert.Equal(ExitCodes.Usage, unconfirmed.ExitCode);
        Assert.Contains("--yes", unconfirmed.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, runsBeforeStart);
        Assert.True(run.ExitCode == ExitCodes.Done, run.ToString());
        var migrated = run.Json().GetProperty("migrated").GetInt32();
        Assert.True(migrated > 0, run.ToString());
        Assert.Equal(orphans.Count - migrated, afterRun.Count);
        // health names the run at the times its own page does (the database keeps microseconds).
        var lastRun = healthAfterRun.Json().GetProperty("figures").GetProperty("lastRun");
        foreach (var time in new[] { "createdAt", "finishedAt" })
        {
            var apart = lastRun.GetProperty(time).GetDateTimeOffset() - run.Json().GetProperty(time).GetDateTimeOffset();
            Assert.True(apart.Duration() < TimeSpan.FromMilliseconds(1), $"{time}: health and runs show are {apart} apart");
        }
        Assert.True(startedAgain.ExitCode == ExitCodes.Done, startedAgain.ToString());
        Assert.Equal((runId, runsBeforeStart + 1), (startedAgain.Json().GetProperty("runId").GetString(), runsAfterStart));
        var pacing = run.Json().GetProperty("pacing").GetProperty("settings");
        Assert.Equal((true, 200, 100000.0), (pacing.GetProperty("adaptive").GetBoolean(), pacing.GetProperty("targetBatchMs").GetInt32(),
            pacing.GetProperty("maxRate").GetDouble()));
        Assert.True(shown.ExitCode == ExitCodes.Done, shown.ToString());
        Assert.Matches("(?m)^Pacing +adaptive batches: target 200 ms, 10..500 sessions", shown.Stdout);
        // The run has finished: the size the sizer would give a next batch is not shown as a figure of it.
        Assert.DoesNotContain("Batch size now", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("100,000 sessions/s", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{migrated} of {migrated} sessions", shown.Stdout, StringComparison.Ordinal);
        Assert.Matches("(?m)^Warning +Target project legacy-portal is archived", shown.Stdout);
        Assert.Matches("(?m)^Reason +none *$", shown.Stdout);
        Assert.Equal(ExitCodes.Failed, paceFinished.ExitCode);
        // The audit trail as sentences, the run page's timeline: who asked, what happened; never the stored JSON.
        Assert.True(audit.ExitCode == ExitCodes.Done, audit.ToString());
        Assert.Matches("(?m)^What +Start requested *$", audit.Stdout);
        Assert.Matches("(?m)^By +cli *$", audit.Stdout);
        Assert.Matches("(?m)^What +Batch 1 done *$", audit.Stdout);
        Assert.Matches("(?m)^What +Entered Completed *$", audit.Stdout);
        Assert.DoesNotContain("{", audit.Stdout, StringComparison.Ordinal);
        Assert.Contains("409", paceFinished.Stderr, StringComparison.Ordinal);
        Assert.True(preview.ExitCode == ExitCodes.Done, preview.ToString());
        Assert.Equal(migrated, preview.Json().GetProperty("wouldRestore").GetInt32());
        Assert.Matches("(?m)^Run wrote +frontend-app *$", previewShown.Stdout);
        Assert.Matches("(?m)^Restores to +NULL *$", previewShown.Stdout);
        Assert.True(rolledBack.ExitCode == ExitCodes.Done, rolledBack.ToString());
        Assert.Equal("RolledBack", rolledBack.Json().GetProperty("state").GetString());
        Assert.Equal(orphans, afterRollback);
    }

    [Fact]
    public async Task The_cli_key_cannot_be_used_with_on_behalf_of_headers_and_a_wrong_key_is_refused()
    {
        var wrongKey = new Dictionary<string, string>(LocalStack) { [ConnectionResolver.KeyVariable] = "not-the-key" };

        var refused = await CliProcess.RunAsync(wrongKey, "plans", "list");
        var health = await CliProcess.RunAsync(LocalStack, "health", "--json");

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains("401", refused.Stderr, StringComparison.Ordinal);
        Assert.True(health.ExitCode == ExitCodes.Done, health.ToString());
        Assert.Equal(JsonValueKind.Number, health.Json().GetProperty("figures").GetProperty("orphanCount").ValueKind);
        Assert.Equal(JsonValueKind.Array, health.Json().GetProperty("alerts").ValueKind);
    }

    [Fact]
    public async Task A_refusal_reads_as_sentences_with_its_status()
    {
        var unknown = await CliProcess.RunAsync(LocalStack, "runs", "show", "0196a000-0000-7000-8000-000000000000");

        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
        Assert.StartsWith("error: 404 Not Found: Run not found. No run with id 0196a000-0000-7000-8000-000000000000.",
            unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(FreshStackFirst.Trait, FreshStackFirst.Fresh)]
    public async Task Health_on_a_fresh_stack_shows_the_figures_with_no_last_plan_or_run()
    {
        var orphans = await OrphansAsync();

        var forPeople = await CliProcess.RunAsync(LocalStack, "health");
        var json = await CliProcess.RunAsync(LocalStack, "health", "--json");

        Assert.True(forPeople.ExitCode == ExitCodes.Done, forPeople.ToString());
        Assert.Matches($@"(?m)^Orphan sessions +{orphans.Count} *$", forPeople.Stdout);
        Assert.Matches("(?m)^Last plan +none *$", forPeople.Stdout);
        Assert.Matches("(?m)^Last run +none *$", forPeople.Stdout);
        Assert.True(json.ExitCode == ExitCodes.Done, json.ToString());
        var figures = json.Json().GetProperty("figures");
        Assert.Equal(orphans.Count, figures.GetProperty("orphanCount").GetInt32());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null),
            (figures.GetProperty("lastPlan").ValueKind, figures.GetProperty("lastRun").ValueKind));
        Assert.Equal(0, json.Json().GetProperty("unhealthy").GetArrayLength());
    }

    private async Task<List<Guid>> OrphansAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.DemoConnectionString);
        return (await connection.QueryAsync<Guid>("SELECT id FROM sessions WHERE project_id IS NULL ORDER BY id")).ToList();
    }
}
