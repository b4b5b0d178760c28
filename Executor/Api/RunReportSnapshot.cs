using AspireMigration.Shared.Contracts.Api.Runs;
using System.Data;
using System.Runtime.CompilerServices;
using AspireMigration.Executor.Steps;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Api;

/// <summary>
/// A run's report read in one repeatable-read snapshot: the outcome counts from one aggregate, then
/// the sessions streamed in session order off an unbuffered reader, so the counts always add up to
/// the rows even while a run is still writing, and memory does not grow with the run.
/// </summary>
public sealed class RunReportSnapshot : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly Guid runId;

    private RunReportSnapshot(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, IReadOnlyDictionary<string, int> outcomes)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.runId = runId;
        Outcomes = outcomes;
    }

    /// <summary>Sessions per outcome, ordered by outcome.</summary>
    public IReadOnlyDictionary<string, int> Outcomes { get; }

    public static async Task<RunReportSnapshot> OpenAsync(NpgsqlDataSource dataSource, Guid runId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var outcomes = await connection.QueryAsync<(string Outcome, int Sessions)>(new CommandDefinition("""
                SELECT outcome, count(*)::int FROM backfill.run_items WHERE run_id = @runId GROUP BY outcome ORDER BY outcome COLLATE "C"
                """, new { runId }, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
            return new RunReportSnapshot(connection, transaction, runId, outcomes.ToDictionary(o => o.Outcome, o => o.Sessions));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Read once: the rows come off the server as the caller writes them out.</summary>
    public async IAsyncEnumerable<ReportSession> SessionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = connection.QueryUnbufferedAsync<ReportSession>("""
            SELECT session_id AS SessionId, assignment_type AS AssignmentType, target_project_id AS TargetProjectId, included AS Included,
                   skip_reason AS SkipReason, batch_number AS BatchNumber, outcome AS Outcome
            FROM backfill.run_items WHERE run_id = @runId ORDER BY session_id
            """, new { runId }, transaction, SetBasedStatement.TimeoutSeconds);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
