using System.Diagnostics;

namespace AspireMigration.Executor.Outbox;

/// <summary>
/// The messages one saga transition sends. The saga repository stores them with the new state, in the
/// same transaction, and the <see cref="OutboxRelay"/> publishes them after the commit.
/// </summary>
public sealed class SagaOutbox
{
    private readonly List<OutboxMessage> messages = [];

    public IReadOnlyList<OutboxMessage> Messages => messages;

    /// <summary>The transition's span is remembered so the relayed message continues the run's trace.</summary>
    public void Add(object message) => messages.Add(new OutboxMessage(Guid.CreateVersion7(), message, Activity.Current?.Id));
}
