namespace AspireMigration.Executor.Outbox;

/// <param name="TraceParent">The W3C id of the span that sent it, the relayed publish's parent.</param>
public sealed record OutboxMessage(Guid MessageId, object Message, string? TraceParent);
