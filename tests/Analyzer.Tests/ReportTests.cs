using AspireMigration.Shared.Contracts.Api.Plans;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Analyzer.Reports;
using AspireMigration.TestSupport;

namespace AspireMigration.Analyzer.Tests;

/// <summary>The report renderings: the JSON shape of the product contract to the letter, and CSV and Markdown carrying the same
/// data.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class ReportTests(InfrastructureFixture fixture)
{
    private static readonly string[] TopLevel = ["planId", "createdAt", "settings", "summary", "sessions", "risks", "recommendations"];
    private static readonly string[] Settings = ["prior", "confidentThreshold", "tentativeThreshold"];
    private static readonly string[] Summary = ["total", "confident", "tentative", "manualReview", "unassigned"];
    private static readonly string[] Session =
        ["sessionId", "assignmentType", "targetProjectId", "suggestedProjectId", "confidence", "eventsTotal", "evidenceEvents",
            "projectDistribution", "reasoning", "warnings"];

    [Fact]
    public async Task Json_report_has_exactly_the_design_shape_with_sessions_in_id_order()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var (plan, p1) = await AnalyzeSampleAsync(db);

        var report = JsonDocument.Parse(await RenderAsync(db, plan, ReportFormat.Json)).RootElement;

        Assert.Equal(TopLevel, Names(report));
        Assert.Equal(Settings, Names(report.GetProperty("settings")));
        Assert.Equal(Summary, Names(report.GetProperty("summary")));
        var sessions = report.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(5, sessions.Count);
        Assert.All(sessions, s => Assert.Equal(Session, Names(s)));
        var ids = sessions.Select(s => s.GetProperty("sessionId").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);

        Assert.Equal(plan.PlanId, report.GetProperty("planId").GetGuid());
        Assert.Equal(plan.CreatedAt, report.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(1m, report.GetProperty("settings").GetProperty("prior").GetDecimal());
        Assert.Equal(0.9m, report.GetProperty("settings").GetProperty("confidentThreshold").GetDecimal());
        Assert.Equal(2, report.GetProperty("summary").GetProperty("manualReview").GetInt32());
        var unassigned = sessions.Single(s => s.GetProperty("assignmentType").GetString() == "unassigned");
        Assert.Equal(Guid.Empty, unassigned.GetProperty("targetProjectId").GetGuid());
        Assert.Equal(JsonValueKind.Null, unassigned.GetProperty("suggestedProjectId").ValueKind);
        var spread = sessions.Single(s => s.GetProperty("evidenceEvents").GetInt32() == 13);
        Assert.Equal(0.3571m, spread.GetProperty("confidence").GetDecimal()); // 5/14, rounded when printed
        Assert.Equal(5, spread.GetProperty("projectDistribution").GetProperty(p1.ToString()).GetInt32());
        Assert.Contains("tie", sessions.SelectMany(s => s.GetProperty("warnings").EnumerateArray()).Select(w => w.GetString()));
        Assert.Equal(plan.Risks, report.GetProperty("risks").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(plan.Recommendations, report.GetProperty("recommendations").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Csv_report_has_the_plan_as_comments_a_header_and_one_row_per_item()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var (plan, _) = await AnalyzeSampleAsync(db);
        var items = await db.ItemsAsync(plan.PlanId);

        var lines = (await RenderAsync(db, plan, ReportFormat.Csv)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal($"# planId: {plan.PlanId}", lines[0]);
        Assert.Contains(lines, l => l == "# summary: total 5, confident 1, tentative 1, manual_review 2, unassigned 1");
        Assert.Equal(plan.Risks.Count, lines.Count(l => l.StartsWith("# risk: ", StringComparison.Ordinal)));
        var header = lines.Single(l => !l.StartsWith('#') && l.StartsWith("sessionId,", StringComparison.Ordinal));
        Assert.Equal(string.Join(',', Session), header);
        var rows = lines.SkipWhile(l => l != header).Skip(1).ToList();
        Assert.Equal(items.Count, rows.Count);
        Assert.Equal(items.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal), rows.Select(r => r[..36]));
        // Reasoning holds commas and is quoted; the unassigned row targets the sentinel.
        Assert.Contains(rows, r => r.Contains("\"projects ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains($",unassigned,{Guid.Empty},,0,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_report_has_the_plan_lists_and_a_table_row_per_item()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var (plan, _) = await AnalyzeSampleAsync(db);

        var lines = (await RenderAsync(db, plan, ReportFormat.Markdown)).Split('\n');

        Assert.Equal($"# Backfill plan {plan.PlanId}", lines[0]);
        Assert.Contains("## Risks", lines);
        Assert.Contains("## Recommendations", lines);
        Assert.Contains("| " + string.Join(" | ", Session) + " |", lines);
        var rows = lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(Session.Length, r[2..^2].Split(" | ").Length));
        Assert.Contains(rows, r => r.Contains(" | tie |", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_report_prints_stored_text_as_text_never_as_markup()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var (analysed, _) = await AnalyzeSampleAsync(db);
        const string hostile = "<img src=x onerror=alert(1)> [click](http://evil) | forged | cell |\n## Injected heading";
        var plan = analysed with { Risks = [hostile] };

        var lines = (await RenderAsync(db, plan, ReportFormat.Markdown)).Split('\n');

        var risk = Assert.Single(lines, l => l.Contains("onerror", StringComparison.Ordinal));
        Assert.Equal("- \\<img src=x onerror=alert(1)\\> \\[click\\](http://evil) \\| forged \\| cell \\| \\#\\# Injected heading", risk);
        Assert.DoesNotContain(lines, l => l.StartsWith("## Injected", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("csv", "text/csv")]
    [InlineData("md", "text/markdown")]
    public async Task The_api_serves_each_format_with_its_content_type(string format, string mediaType)
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var (plan, _) = await AnalyzeSampleAsync(db);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/plans/{plan.PlanId}/report?format={format}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await RenderAsync(
            db, plan, ReportFormats.TryParse(format, out var parsed) ? parsed : throw new InvalidOperationException()), body);
    }

    [Fact]
    public async Task The_api_report_defaults_to_json_with_design_property_names()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var (plan, _) = await AnalyzeSampleAsync(db);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/report");

        Assert.Equal(TopLevel, Names(report));
    }

    /// <summary>One session of each kind, plus a spread one whose reasoning holds commas.</summary>
    private static async Task<(PlanSummary Plan, Guid P1)> AnalyzeSampleAsync(TestDatabase db)
    {
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        var p3 = await db.AddProjectAsync("p3");
        await db.AddOrphanAsync((p1, 20));
        await db.AddOrphanAsync((p1, 6), (p2, 2));
        await db.AddOrphanAsync((p1, 4), (p2, 4));
        await db.AddOrphanAsync((p1, 5), (p2, 4), (p3, 4));
        await db.AddOrphanAsync((null, 3));
        return (await db.AnalyzeAsync(), p1);
    }

    private static async Task<string> RenderAsync(TestDatabase db, PlanSummary plan, ReportFormat format)
    {
        using var output = new MemoryStream();
        var items = new PlanQueries(db.DataSource).StreamItemsAsync(plan.PlanId, CancellationToken.None);
        await ReportFormats.WriterFor(format).WriteAsync(output, plan, items, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
