using AspireMigration.Shared.Contracts.Api.Runs;
using System.IO.Pipelines;
using System.Text.Json;
using AspireMigration.Executor.Api;

namespace AspireMigration.Executor.Reports;

/// <summary>The <see cref="RunReport"/> shape, written member by member so a large run streams.</summary>
public sealed class JsonRunReportWriter(JsonSerializerOptions options) : IRunReportWriter
{
    // The pipe holds what was written until it is flushed: this bounds it to a thousand sessions.
    private const int FlushEvery = 1000;

    public string ContentType => "application/json; charset=utf-8";

    public string FileExtension => "json";

    public async Task WriteAsync(
        Stream output, RunView run, IReadOnlyDictionary<string, int> outcomes, IAsyncEnumerable<ReportSession> sessions,
        CancellationToken cancellationToken)
    {
        // JsonSerializer flushes its Utf8JsonWriter synchronously; over a pipe that only moves bytes into the
        // pipe's buffer, and the pipe goes to the response asynchronously (ASP.NET Core refuses synchronous writes).
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        await using (var json = new Utf8JsonWriter(
            pipe, new JsonWriterOptions { Indented = options.WriteIndented, Encoder = options.Encoder }))
        {
            json.WriteStartObject();
            json.WritePropertyName(Name(nameof(RunReport.Run)));
            JsonSerializer.Serialize(json, run, options);
            json.WritePropertyName(Name(nameof(RunReport.Outcomes)));
            JsonSerializer.Serialize(json, outcomes, options);
            json.WriteStartArray(Name(nameof(RunReport.Sessions)));
            var written = 0;
            await foreach (var session in sessions.WithCancellation(cancellationToken))
            {
                JsonSerializer.Serialize(json, session, options);
                if (++written % FlushEvery == 0)
                {
                    await pipe.FlushAsync(cancellationToken);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await pipe.CompleteAsync();
    }

    private string Name(string member) => options.PropertyNamingPolicy?.ConvertName(member) ?? member;
}
