namespace AspireMigration.Bench.Execution;

/// <summary>One Executor process: its share of the last trial's batches and its peak resident memory.</summary>
public sealed record ProcessFigures(string Name, int Batches, long PeakBytes);
