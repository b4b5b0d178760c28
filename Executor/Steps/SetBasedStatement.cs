namespace AspireMigration.Executor.Steps;

/// <summary>
/// Statements over all of a run's sessions (resolve, backup, validate, restore) grow with the run: at a
/// million sessions they take minutes on a small server, far beyond Npgsql's 30 s default, and a timeout
/// only rolls the transaction back for the retry to do the same work again. Batches keep the default.
/// </summary>
internal static class SetBasedStatement
{
    public const int TimeoutSeconds = 3600;
}
