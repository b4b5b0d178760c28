using AspireMigration.Executor.Consumers;
using AspireMigration.Executor.Saga;
using MassTransit;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// Strikes the first message of one type that an Executor's saga or steps take, once. Registered in the Executor host's
/// services after its own endpoint configuration, its filter runs inside the retry and the in-memory outbox, where a
/// crash or a lost delivery would strike. The audit consumer is left alone: an audit record is not what is under test.
/// </summary>
public sealed class MessageFault(Type messageType, FaultKind kind, IRegistrationContext registration) : IConfigureReceiveEndpoint
{
    private static readonly string AuditEndpoint = KebabCaseEndpointNameFormatter.Instance.Consumer<RunAuditConsumer>();

    private static readonly string SagaEndpoint = KebabCaseEndpointNameFormatter.Instance.Saga<MigrationRunState>();

    private readonly TaskCompletionSource struck = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int handledAfter;

    public FaultKind Kind => kind;

    public Type MessageType => messageType;

    /// <summary>Whether the fault struck: a test that never reached its message proves nothing.</summary>
    public bool Struck => struck.Task.IsCompleted;

    /// <summary>Messages of the type handled after the one struck: a redelivery, a command sent again, or later batches.</summary>
    public int HandledAfter => Volatile.Read(ref handledAfter);

    public void Configure(string name, IReceiveEndpointConfigurator configurator)
    {
        if (!name.EndsWith(AuditEndpoint, StringComparison.Ordinal))
        {
            configurator.UseConsumeFilter(typeof(MessageFaultFilter<>), registration);
        }
    }

    /// <summary>True once, for the first message of the fault's type.</summary>
    public bool Strikes(Type type) => type == messageType && struck.TrySetResult();

    /// <summary>Counts a message of the fault's type handled after the one struck.</summary>
    public void Handled(Type type)
    {
        if (type == messageType && Struck)
        {
            Interlocked.Increment(ref handledAfter);
        }
    }

    public static bool IsSagaEndpoint(Uri address) => address.AbsolutePath.EndsWith(SagaEndpoint, StringComparison.Ordinal);

    public override string ToString() => $"{messageType.Name} {kind}";
}
