namespace AspireMigration.Bench.AppLoad;

/// <summary>
/// One line of the `app-load` table: the application's figures while nothing ran, or while a run of the plan did (its
/// duration, batch count and time spent throttled by the database's health).
/// </summary>
public sealed record AppLoadPhase(string Name, WorkloadFigures Application, TimeSpan? Run, int? Batches, double? ThrottledSeconds);
