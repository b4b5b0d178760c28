using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Shared.Alerts;

/// <summary>Evaluates the alert rules in one round trip over the tool schema.</summary>
public sealed class AlertEvaluator(NpgsqlDataSource dataSource, AlertThresholds thresholds)
{
    private static readonly string Rules = SqlScripts.Read("AlertRules.sql");

    /// <summary>Outcomes of an included session that the run-failure-rate rule counts against the run.</summary>
    private static readonly string[] NotMigrated = [ItemOutcomes.SkippedChanged, ItemOutcomes.Conflict, ItemOutcomes.Failed];

    // The saga state's ThrottledSeconds and ThrottledSince as its JSON (web defaults, camelCase) stores them: the
    // Executor's saga state is not a type this assembly can see.
    private const string ThrottledSecondsKey = "throttledSeconds";
    private const string ThrottledSinceKey = "throttledSince";

    public async Task<IReadOnlyList<Alert>> EvaluateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var alerts = await connection.QueryAsync<Alert>(new CommandDefinition(Rules, new
        {
            thresholds.RunFailureRate,
            thresholds.PlanUncertainShare,
            thresholds.AnalysisSeconds,
            thresholds.RollbackWindow,
            thresholds.RunStalledAfter,
            thresholds.RunThrottledAfter,
            RunStates.Completed,
            RunStates.RollingBack,
            RunStates.RolledBack,
            RunStates.InProgress,
            RunStates.Finished,
            Throttled = RunStates.Throttled,
            ThrottledSecondsKey,
            ThrottledSinceKey,
            ItemOutcomes.Migrated,
            NotMigrated,
        }, cancellationToken: cancellationToken));
        return alerts.AsList();
    }
}
