using AspireMigration.Shared.Domain;

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
    // Aggregate first (a hash join and hash aggregate over the events, like a plain GROUP BY), then
    // join the orphans so those without any event still appear, then sort the small result. Events
    // of assigned sessions never join. NULL-project and sentinel groups come along only to count
    // events_total in the same scan; the reader keeps them out of the evidence.
    private const string Sql = """
        WITH grouped AS (
            SELECT e.session_id, e.project_id, count(*)::int AS events
            FROM analytics_events e
            JOIN sessions o ON o.id = e.session_id
            WHERE o.project_id IS NULL
            GROUP BY e.session_id, e.project_id)
        SELECT s.id, s.updated_at, s.ended_at IS NULL AS still_active, g.project_id, coalesce(g.events, 0) AS events
        FROM sessions s
        LEFT JOIN grouped g ON g.session_id = s.id
        WHERE s.project_id IS NULL
        ORDER BY s.id
        """;


    public static async IAsyncEnumerable<SessionEvidence> ReadAsync(
        NpgsqlConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
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
            if (projectId is { } id && id != SentinelProject.Id)
            {
                distribution.Add(new ProjectEvents(id, events));
            }
        }

        public SessionEvidence ToEvidence() => new(sessionId, updatedAt, stillActive, eventsTotal, distribution);
    }
}
