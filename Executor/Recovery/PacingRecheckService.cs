using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Persistence;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AspireMigration.Executor.Recovery;

/// <summary>
/// Wakes the runs whose dispatch gate asked to be looked at again (throttled, waiting for a window or their start, or held by
/// the rate cap): the time is their saga's RecheckAt, so a restarted Executor, or any replica, picks it up where it was. Every
/// replica may send; the saga ignores a recheck that is not due, so a duplicate changes nothing.
/// </summary>
public sealed class PacingRecheckService(NpgsqlDataSource dataSource, IBus bus, TimeProvider clock, IOptions<DispatchGateOptions> options,
    ILogger<PacingRecheckService> logger) : PeriodicPass(logger)
{
    private static readonly string[] GatedStates = [RunStates.Migrating, .. RunStates.Pacing];
    private static readonly string RecheckAtField = SagaJson.Options.PropertyNamingPolicy!.ConvertName(nameof(MigrationRunState.RecheckAt));

    // Polled in real time even when the clock is a test's: the clock decides what is due, not how often to look.
    protected override TimeSpan Interval => options.Value.RecheckPollInterval;

    protected override string LookingFor => "runs due a pacing recheck";

    protected override Task PassAsync(CancellationToken cancellationToken) => RecheckAsync(cancellationToken);

    /// <summary>One pass: returns the runs it woke.</summary>
    public async Task<IReadOnlyList<Guid>> RecheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Truncated: timestamptz keeps microseconds and would round a time a tick before now to after it; a recheck a moment
        // early is ignored by the saga and sent again at the next poll.
        var due = (await connection.QueryAsync<Guid>(new CommandDefinition($"""
            SELECT correlation_id FROM backfill.run_sagas
            WHERE current_state = ANY(@GatedStates) AND date_trunc('milliseconds', (state ->> '{RecheckAtField}')::timestamptz) <= @now
            """, new { GatedStates, now = clock.GetUtcNow() }, cancellationToken: cancellationToken))).ToList();
        foreach (var runId in due)
        {
            await bus.Publish(new RecheckPacing(runId), cancellationToken);
        }
        return due;
    }
}
