namespace AspireMigration.Bench.Execution;

/// <summary>What the Executor bench measured: every trial, every Executor process, and a line per report downloaded.</summary>
public sealed record ExecutionMeasurement(
    IReadOnlyList<Trial> Trials, IReadOnlyList<ProcessFigures> Processes, IReadOnlyList<string> Reports);
