using AspireMigration.Executor.Steps;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using MassTransit;
using Npgsql;

namespace AspireMigration.Executor.Consumers;

/// <summary>Ends the claim of a run that failed or was cancelled, so the next run may start.</summary>
public sealed class ReleaseRunConsumer(NpgsqlDataSource dataSource) : IConsumer<ReleaseRun>
{
    public async Task Consume(ConsumeContext<ReleaseRun> context)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RunPhase.FinishSql, new { runId = context.Message.RunId }, cancellationToken: context.CancellationToken));
    }
}
