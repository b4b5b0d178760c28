using AspireMigration.Executor.Consumers;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;
using MassTransit.Configuration;

namespace AspireMigration.Executor;

/// <summary>
/// Names the Executor's receive endpoints, and the exchanges its messages are published to, under a prefix. The
/// consumers are registered from <see cref="Consumers"/>, so whoever declared the queues durable (the chaos bench,
/// whose queues must survive its kills) can delete exactly these afterwards: AMQP cannot list queues.
/// </summary>
public sealed class ExecutorEndpoints(string prefix) : KebabCaseEndpointNameFormatter(prefix, false)
{
    // Every step and outcome is published, and a message type's exchange is bound to every queue that consumes it,
    // whatever the queue's name: with prefixed queues alone, each Executor on the broker got every other one's
    // messages, so a StartRun reached another database's Executor, whose "plan does not exist" failed this run.
    private const string ExchangeSeparator = ".";

    private static readonly IEnumerable<Type> MessageTypes = typeof(IRunMessage).Assembly.GetExportedTypes()
        .Where(type => type.Namespace == typeof(IRunMessage).Namespace)
        .Where(type => type.IsInterface || type is { IsClass: true, IsAbstract: false });

    public static readonly IReadOnlyList<Type> Consumers =
    [
        typeof(PreFlightConsumer), typeof(BackupConsumer), typeof(MigrateBatchConsumer), typeof(ValidateRunConsumer),
        typeof(RestoreRunConsumer), typeof(DryRunConsumer), typeof(ReleaseRunConsumer), typeof(ReclaimRunConsumer),
        typeof(RunAuditConsumer),
    ];

    /// <summary>Publishes this Executor's messages to exchanges of its own, so that Executors with different prefixes share no
    /// message at all.</summary>
    public void PrefixMessageExchanges(IMessageTopologyConfigurator topology) =>
        topology.SetEntityNameFormatter(new PrefixEntityNameFormatter(topology.EntityNameFormatter, Prefix + ExchangeSeparator));

    /// <summary>Every message exchange an Executor with this prefix may declare: one per message type and, once one faulted, its fault's.
    /// Named as MassTransit names them on RabbitMQ (the chaos bench's test finds none left).</summary>
    public IEnumerable<string> MessageExchangeNames() =>
        MessageTypes.Select(type => $"{type.Namespace}:{type.Name}")
            .SelectMany(message => new[] { message, $"MassTransit:Fault--{message}--" })
            .Select(name => Prefix + ExchangeSeparator + name);

    /// <summary>Every queue an Executor with this prefix may declare: each endpoint's and, once a message failed or was skipped there, its
    /// error and skipped queues.</summary>
    public IEnumerable<string> QueueNames() =>
        Consumers.Select(GetConsumerName).Append(Saga<MigrationRunState>())
            .SelectMany(endpoint => new[] { endpoint, endpoint + "_error", endpoint + "_skipped" });
}
