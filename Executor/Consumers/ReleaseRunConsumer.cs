using AspireMigration.Executor.Steps;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using MassTransit;
using Npgsql;

namespace AspireMigration.Executor.Consumers;

/// <summary>Ends the claim of a run that failed or was cancelled, so the next run may start.</summary>
public sealed class ReleaseRunConsumer(NpgsqlDataSource dataSource) : IConsumer<ReleaseRun>
{
    // The release travels apart from the saga: an operator may already have asked for a rollback of the
    // failed run, whose restore holds the same claim. Only a saga still at rest may give the claim up.
    private const string ReleaseWhileAtRestSql = $"""
        {RunPhase.FinishSql}
        AND EXISTS (SELECT 1 FROM backfill.run_sagas s WHERE s.correlation_id = @runId AND s.current_state = ANY(@released))
        """;

    public async Task Consume(ConsumeContext<ReleaseRun> context)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await connection.ExecuteAsync(
            new CommandDefinition(
                ReleaseWhileAtRestSql, new { runId = context.Message.RunId, released = RunStates.Released },
                cancellationToken: context.CancellationToken));
    }
}
