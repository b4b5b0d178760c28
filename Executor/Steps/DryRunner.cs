using System.Data;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// A dry run executes the real steps — backup, every batch, validation — in one transaction and
/// rolls it back, then records what would have happened (per session and per batch) for the report.
/// </summary>
public sealed class DryRunner(NpgsqlDataSource dataSource)
{
    public async Task<DryRunCompleted> RunAsync(DryRunMigration command, CancellationToken cancellationToken)
    {
        var runId = command.RunId;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var finished = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT phase = '{RunPhase.Finished}' FROM backfill.runs WHERE run_id = @runId", new { runId },
            cancellationToken: cancellationToken));
        if (finished)
        {
            // Redelivered after the outcome was recorded.
            return await SummarizeAsync(connection, runId, [], cancellationToken);
        }

        List<BatchCompleted> batches = [];
        IReadOnlyList<string> failures;
        List<(Guid SessionId, string Outcome)> outcomes;
        await using (var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken))
        {
            await BackupStep.CreateAsync(connection, transaction, runId, cancellationToken);
            var included = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COALESCE(max(ordinal), 0) FROM backfill.run_items WHERE run_id = @runId AND included", new { runId },
                transaction, cancellationToken: cancellationToken));
            // Fixed batches of the run's first size: nothing here measures the live database's load to adapt to.
            for (var (number, first) = (1, 1); first <= included; (number, first) = (number + 1, first + command.BatchSize))
            {
                var batch = new MigrateBatch(runId, command.PlanId, number, first, Math.Min(included, first + command.BatchSize - 1));
                batches.Add((await BatchMigrator.MigrateAsync(connection, transaction, batch, cancellationToken))!);
            }
            failures = await RunValidator.ValidateAsync(connection, transaction, runId, cancellationToken);
            outcomes = (await connection.QueryAsync<(Guid, string)>(new CommandDefinition(
                "SELECT session_id, outcome FROM backfill.run_items WHERE run_id = @runId AND included", new { runId }, transaction,
                commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken))).ToList();
            await transaction.RollbackAsync(cancellationToken);
        }

        await using (var record = await connection.BeginTransactionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE backfill.run_items i SET outcome = u.outcome
                FROM unnest(@ids, @outcomes) AS u(id, outcome)
                WHERE i.run_id = @runId AND i.session_id = u.id
                """, new { runId, ids = outcomes.Select(o => o.SessionId).ToArray(), outcomes = outcomes.Select(o => o.Outcome).ToArray() },
                record, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO backfill.run_batches (run_id, batch_number, migrated, skipped_changed, duration_ms, processed_by)
                SELECT @runId, u.* FROM unnest(@numbers, @migrated, @skipped, @durations, @processedBy) AS u
                ON CONFLICT DO NOTHING
                """, new
            {
                runId,
                numbers = batches.Select(b => b.BatchNumber).ToArray(),
                migrated = batches.Select(b => b.Migrated).ToArray(),
                skipped = batches.Select(b => b.SkippedChanged).ToArray(),
                durations = batches.Select(b => b.DurationMs).ToArray(),
                processedBy = batches.Select(b => b.ProcessedBy).ToArray(),
            }, record, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(
                new CommandDefinition(RunPhase.FinishSql, new { runId }, record, cancellationToken: cancellationToken));
            await record.CommitAsync(cancellationToken);
        }
        return await SummarizeAsync(connection, runId, failures, cancellationToken);
    }

    private static async Task<DryRunCompleted> SummarizeAsync(
        NpgsqlConnection connection, Guid runId, IReadOnlyList<string> failures, CancellationToken cancellationToken)
    {
        var (batches, migrated, skippedChanged) = await connection.QuerySingleAsync<(int, int, int)>(new CommandDefinition($"""
            SELECT (SELECT count(*)::int FROM backfill.run_batches WHERE run_id = @runId),
                count(*) FILTER (WHERE outcome = '{ItemOutcomes.Migrated}')::int,
                count(*) FILTER (WHERE outcome = '{ItemOutcomes.SkippedChanged}')::int
            FROM backfill.run_items WHERE run_id = @runId
            """, new { runId }, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
        return new DryRunCompleted(runId, batches, migrated, skippedChanged, failures);
    }
}
