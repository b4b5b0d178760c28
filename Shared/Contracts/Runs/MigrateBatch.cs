namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// Step command: migrate one batch of the run's sessions (compare-and-set, idempotent): the included items whose
/// ordinal is in [FirstOrdinal, LastOrdinal], a range the saga decided when it dispatched the batch and recorded.
/// </summary>
public sealed record MigrateBatch(Guid RunId, Guid PlanId, int BatchNumber, int FirstOrdinal, int LastOrdinal) : IRunMessage
{
    public int Size => LastOrdinal - FirstOrdinal + 1;
}
