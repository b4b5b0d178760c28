using System.Globalization;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Bench.Chaos;

/// <summary>
/// Where in a run the chaos bench kills the Executor: as soon as it is up (<see cref="State"/> null), or
/// once the run is seen in a state, and while migrating once <see cref="DoneShare"/> of its sessions are done (not of
/// its batches: under adaptive pacing their number is an estimate that moves with every batch's size).
/// </summary>
public sealed record KillPoint(string? State, double DoneShare)
{
    // The order a run goes through them; a kill aimed at one the run already left hits it where it is.
    private static readonly string?[] Phases = [null, RunStates.PreFlight, RunStates.BackingUp, RunStates.Migrating, RunStates.Validating];

    // Migrating kills stop short of the end, so that a later kill still finds work left after the restart.
    private const double MaxDoneShare = 0.9;

    /// <summary>
    /// <paramref name="count"/> points in run order, each phase equally likely. Only the last may be in
    /// validation: the run is done right after a restart there, and a later kill would find it finished.
    /// </summary>
    public static IReadOnlyList<KillPoint> Draw(Random random, int count) =>
        Enumerable.Range(0, count)
            .Select(i => Phases[random.Next(i == count - 1 ? Phases.Length : Phases.Length - 1)])
            .Select(state => new KillPoint(state, state == RunStates.Migrating ? random.NextDouble() * MaxDoneShare : 0))
            .OrderBy(p => Array.IndexOf(Phases, p.State)).ThenBy(p => p.DoneShare)
            .ToList();

    /// <summary>Whether a run seen as <paramref name="run"/> (null: its StartRun not consumed yet) has reached this point.</summary>
    public bool IsReachedBy(MigrationRunState? run)
    {
        var target = Array.IndexOf(Phases, State);
        // States off the happy path (Paused, RollingBack) count as past every point: kill there too.
        var seen = run is null ? 0 : Array.IndexOf(Phases, run.CurrentState) is var i and >= 0 ? i : Phases.Length;
        return seen > target
            || (seen == target && (State != RunStates.Migrating || run!.Migrated + run.SkippedChanged >= DoneShare * run.Included));
    }

    public override string ToString() => State switch
    {
        null => "at start",
        RunStates.Migrating => string.Create(CultureInfo.InvariantCulture, $"{State} {DoneShare:P0}"),
        _ => State,
    };
}
