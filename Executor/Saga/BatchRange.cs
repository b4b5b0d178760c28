namespace AspireMigration.Executor.Saga;

/// <summary>A dispatched batch: its number and the item ordinals it covers, recorded with the saga's state when it is sent.</summary>
public sealed record BatchRange(int Number, int FirstOrdinal, int LastOrdinal);
