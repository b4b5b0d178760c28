using System.Runtime.CompilerServices;
using AspireMigration.Analyzer.Scoring;
using Npgsql;

namespace AspireMigration.Analyzer.Analysis;

/// <summary>
/// The one set-based pass: every orphan's events grouped per (session, project) in PostgreSQL,
/// streamed in session order so the caller holds one session at a time, however many there are.
/// </summary>
public static class EvidenceReader
{
    // Events of assigned sessions never join; the LEFT JOIN keeps orphans without any event.
    // NULL-project and sentinel groups come along only to count events_total, in the same scan.
    private const string Sql = """
        SELECT s.id, s.updated_at, s.ended_at IS NULL AS still_active, e.project_id, count(e.session_id)::int AS events
        FROM sessions s
        LEFT JOIN analytics_events e ON e.session_id = s.id
        WHERE s.project_id IS NULL
        GROUP BY s.id, e.project_id
        ORDER BY s.id
        """;

    public static async IAsyncEnumerable<SessionEvidence> ReadAsync(NpgsqlConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        SessionAccumulator? current = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var sessionId = reader.GetGuid(0);
            if (current?.SessionId != sessionId)
            {
                if (current is not null)
                {
                    yield return current.ToEvidence();
                }
                current = new SessionAccumulator(sessionId,
                    reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                    reader.GetBoolean(2));
            }
            current.Add(reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetInt32(4));
        }
        if (current is not null)
        {
            yield return current.ToEvidence();
        }
    }

    private sealed class SessionAccumulator(Guid sessionId, DateTimeOffset? updatedAt, bool stillActive)
    {
        private readonly List<ProjectEvents> distribution = [];
        private int eventsTotal;

        public Guid SessionId => sessionId;

        public void Add(Guid? projectId, int events)
        {
            eventsTotal += events;
            if (projectId is { } id && id != ProjectInfo.SentinelId)
            {
                distribution.Add(new ProjectEvents(id, events));
            }
        }

        public SessionEvidence ToEvidence() => new(sessionId, updatedAt, stillActive, eventsTotal, distribution);
    }
}
