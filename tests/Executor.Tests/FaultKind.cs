namespace AspireMigration.Executor.Tests;

/// <summary>What happens to the one message a <see cref="MessageFault"/> picks.</summary>
public enum FaultKind
{
    /// <summary>Taken off its queue and acknowledged, never handled: the broker lost it.</summary>
    Lost,

    /// <summary>
    /// Handled, its transaction committed, then its handler fails as a process killed before the acknowledgement would: what
    /// it published is thrown away and the message is delivered again.
    /// </summary>
    HandledTwice,
}
