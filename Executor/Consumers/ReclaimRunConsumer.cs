using AspireMigration.Executor.Steps;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using MassTransit;
using Npgsql;

namespace AspireMigration.Executor.Consumers;

/// <summary>
/// Takes a retried run's active-run claim back, whether its release came first or not (sent twice, it claims once); the
/// single-active-run index makes a run started meanwhile win the database, and the retry is refused with why.
/// </summary>
public sealed class ReclaimRunConsumer(NpgsqlDataSource dataSource) : IConsumer<ReclaimRun>
{
    private const string ReclaimSql = $"""
        UPDATE backfill.runs SET active = true, phase = '{RunPhase.Migrating}', finished_at = NULL
        WHERE run_id = @runId
        """;

    public async Task Consume(ConsumeContext<ReclaimRun> context)
    {
        var runId = context.Message.RunId;
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ReclaimSql, new { runId }, cancellationToken: context.CancellationToken));
            await context.Publish(new RunReclaimed(runId), context.CancellationToken);
        }
        catch (PostgresException e) when (RunPhase.IsTakenByAnotherRun(e))
        {
            await context.Publish(new ReclaimRefused(runId, "another run started on this database; retry once it has finished."),
                context.CancellationToken);
        }
    }
}
