using AspireMigration.Executor.Consumers;
using AspireMigration.Executor.Saga;
using MassTransit;

namespace AspireMigration.Executor;

/// <summary>
/// Names the Executor's receive endpoints under a queue prefix. The consumers are registered from
/// <see cref="Consumers"/>, so whoever declared the queues durable (the chaos bench, whose queues must
/// survive its kills) can delete exactly these afterwards: AMQP cannot list queues.
/// </summary>
public sealed class ExecutorEndpoints(string prefix) : KebabCaseEndpointNameFormatter(prefix, false)
{
    public static readonly IReadOnlyList<Type> Consumers =
    [
        typeof(PreFlightConsumer), typeof(BackupConsumer), typeof(MigrateBatchConsumer), typeof(ValidateRunConsumer),
        typeof(RestoreRunConsumer), typeof(DryRunConsumer), typeof(ReleaseRunConsumer), typeof(ReclaimRunConsumer),
        typeof(RunAuditConsumer),
    ];

    /// <summary>Every queue an Executor with this prefix may declare: each endpoint's and, once a message failed or was skipped there, its
    /// error and skipped queues.</summary>
    public IEnumerable<string> QueueNames() =>
        Consumers.Select(GetConsumerName).Append(Saga<MigrationRunState>())
            .SelectMany(endpoint => new[] { endpoint, endpoint + "_error", endpoint + "_skipped" });
}
