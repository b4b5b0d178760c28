using System.Diagnostics.Metrics;
using AspireMigration.Shared.Telemetry;
using Dapper;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AspireMigration.Analyzer.Health;

/// <summary>
/// The observable gauge "migration.orphans": the sessions whose project_id is NULL. The count is
/// sampled every "Telemetry:OrphanCountInterval" (30 s by default) rather than in the gauge's
/// callback, so an exporter or a Prometheus scrape never waits on the database. Nothing is reported
/// while the count is unknown (no sessions table, database unreachable): no value is not zero.
/// </summary>
public sealed class OrphanCountGauge : BackgroundService
{
    public const string IntervalSetting = "Telemetry:OrphanCountInterval";

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeSpan interval;
    private readonly ILogger<OrphanCountGauge> logger;
    private long? orphans;

    public OrphanCountGauge(
        NpgsqlDataSource dataSource, IMeterFactory meterFactory, IConfiguration configuration, ILogger<OrphanCountGauge> logger)
    {
        this.dataSource = dataSource;
        this.logger = logger;
        interval = configuration.GetValue(IntervalSetting, TimeSpan.FromSeconds(30));
        meterFactory.Create(TelemetryNames.AspireMigration).CreateObservableGauge("migration.orphans", Observe, "{session}",
            "Orphan sessions (project_id IS NULL) in the application database, sampled");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            orphans = await CountAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<long>> Observe() => orphans is { } count ? [new Measurement<long>(count)] : [];

    private async Task<long?> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM sessions WHERE project_id IS NULL", cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning("Could not count the orphan sessions: {Reason}", e.Message);
            return null;
        }
    }
}
