namespace AspireMigration.Cli;

/// <summary>What a pipeline can gate on (README, "Command line").</summary>
public static class ExitCodes
{
    /// <summary>Done: the action was taken, or the run waited for completed.</summary>
    public const int Done = 0;

    /// <summary>A run waited for failed, was cancelled or rolled back; or a service refused the action (state, role, four-eyes,
    /// …).</summary>
    public const int Failed = 1;

    /// <summary>A wrong command line, or a risky step with no terminal to confirm on and no --yes.</summary>
    public const int Usage = 2;

    /// <summary>A service could not be reached.</summary>
    public const int Unreachable = 3;
}
