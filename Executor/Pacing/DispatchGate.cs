using System.Globalization;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using Microsoft.Extensions.Options;

namespace AspireMigration.Executor.Pacing;

/// <summary>
/// Every condition a batch waits for before it is dispatched, in one place and in this order: the run's start time, its
/// maintenance windows, the database's health, its rate cap. The saga asks before each batch and records the answer
/// (state, reason, RecheckAt) in its state, so a crash loses no timer: the recheck service reads RecheckAt.
/// </summary>
public sealed class DispatchGate(TimeProvider clock, IOptions<DispatchGateOptions> options, IEnumerable<IDatabaseHealthProbe> probes)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Whether the run asked to be looked at again by now (a duplicate or early recheck is not an answer).</summary>
    public bool IsDue(MigrationRunState s) => s.RecheckAt is { } at && at <= Now;

    public async Task<GateDecision> CheckAsync(MigrationRunState s, int size, CancellationToken cancellationToken)
    {
        var now = Now;
        var pacing = s.Pacing;
        if (pacing.StartAt is { } startAt && now < startAt)
        {
            return new GateDecision(false, RunStates.Waiting,
                string.Create(CultureInfo.InvariantCulture, $"scheduled to start at {startAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"), startAt);
        }
        if (MaintenanceSchedule.NextOpening(pacing.Windows, now) is var (opens, window))
        {
            return new GateDecision(false, RunStates.Waiting, MaintenanceSchedule.Describe(opens, window), opens);
        }
        if (await HealthAsync(s, now, cancellationToken) is { Healthy: false } health)
        {
            s.Rechecks++;
            var backoff = options.Value.MinBackoff * Math.Pow(2, Math.Min(s.Rechecks - 1, 16));
            return new GateDecision(false, RunStates.Throttled, health.Reason,
                now + (backoff < options.Value.MaxBackoff ? backoff : options.Value.MaxBackoff));
        }
        s.Rechecks = 0;
        if (pacing.MaxRate is { } rate)
        {
            // Never more than rate x elapsed sessions handed out since the run last (re)started dispatching: no burst after a wait.
            s.RateSince ??= now;
            var allowedAt = s.RateSince.Value + TimeSpan.FromSeconds((s.RateSessions + size) / rate);
            if (allowedAt > now)
            {
                return new GateDecision(false, null,
                    string.Create(CultureInfo.InvariantCulture, $"rate cap {rate:0.##} sessions/s"), allowedAt);
            }
        }
        return GateDecision.Go;
    }

    /// <summary>Reads every registered probe unless the run's last reading is fresh; none registered means no health gate.</summary>
    private async Task<DatabaseHealth?> HealthAsync(MigrationRunState s, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!probes.Any())
        {
            return null;
        }
        if (s.LastHealth is { } last && now - last.ReadAt < options.Value.HealthInterval)
        {
            return last;
        }
        List<HealthIndicator> indicators = [];
        foreach (var probe in probes)
        {
            indicators.AddRange((await probe.ReadAsync(cancellationToken)).Indicators);
        }
        return s.LastHealth = new DatabaseHealth(indicators, now);
    }
}
