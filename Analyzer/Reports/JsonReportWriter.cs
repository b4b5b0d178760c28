using AspireMigration.Shared.Contracts.Api.Plans;
using System.Text.Json;
using AspireMigration.Analyzer.Plans;

namespace AspireMigration.Analyzer.Reports;

/// <summary>The report shape of the product contract, written field by field so a large plan streams.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    private const int FlushEvery = 1000;

    public string ContentType => "application/json; charset=utf-8";

    public string FileExtension => "json";

    public async Task WriteAsync(Stream output, PlanSummary plan, IAsyncEnumerable<PlanItem> items, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("planId", plan.PlanId);
        json.WriteString("createdAt", plan.CreatedAt);
        json.WriteStartObject("settings");
        json.WriteNumber("prior", plan.Settings.Prior);
        json.WriteNumber("confidentThreshold", plan.Settings.ConfidentThreshold);
        json.WriteNumber("tentativeThreshold", plan.Settings.TentativeThreshold);
        json.WriteEndObject();
        json.WriteStartObject("summary");
        json.WriteNumber("total", plan.Summary.Total);
        json.WriteNumber("confident", plan.Summary.Confident);
        json.WriteNumber("tentative", plan.Summary.Tentative);
        json.WriteNumber("manualReview", plan.Summary.ManualReview);
        json.WriteNumber("unassigned", plan.Summary.Unassigned);
        json.WriteEndObject();

        json.WriteStartArray("sessions");
        var written = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            WriteItem(json, item);
            if (++written % FlushEvery == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();

        WriteStrings(json, "risks", plan.Risks);
        WriteStrings(json, "recommendations", plan.Recommendations);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteItem(Utf8JsonWriter json, PlanItem item)
    {
        json.WriteStartObject();
        json.WriteString("sessionId", item.SessionId);
        json.WriteString("assignmentType", item.AssignmentType);
        WriteNullable(json, "targetProjectId", item.TargetProjectId);
        WriteNullable(json, "suggestedProjectId", item.SuggestedProjectId);
        json.WriteNumber("confidence", ReportValues.PrintedConfidence(item.Confidence));
        json.WriteNumber("eventsTotal", item.EventsTotal);
        json.WriteNumber("evidenceEvents", item.EvidenceEvents);
        json.WriteStartObject("projectDistribution");
        foreach (var (projectId, events) in item.ProjectDistribution)
        {
            json.WriteNumber(projectId, events);
        }
        json.WriteEndObject();
        json.WriteString("reasoning", item.Reasoning);
        WriteStrings(json, "warnings", item.Warnings);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, Guid? value)
    {
        if (value is { } id)
        {
            json.WriteString(name, id);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
