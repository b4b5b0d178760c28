using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Database;
using Dapper;
using Npgsql;

namespace AspireMigration.Shared.Alerts;

/// <summary>Evaluates the alert rules in one round trip over the tool schema.</summary>
public sealed class AlertEvaluator(NpgsqlDataSource dataSource, AlertThresholds thresholds)
{
    private static readonly string Rules = SqlScripts.Read("AlertRules.sql");

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
            RunStates.Completed,
            RunStates.RollingBack,
            RunStates.RolledBack,
            RunStates.InProgress,
        }, cancellationToken: cancellationToken));
        return alerts.AsList();
    }
}
