using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Executor.Outbox;

/// <summary>
/// Names stored message types and resolves them back, only ever to a type of the contracts assembly:
/// a row of the outbox table never decides which code is loaded.
/// </summary>
public static class OutboxMessageTypes
{
    public static string NameOf(Type type) => type.FullName!;

    public static Type Resolve(string name) =>
        typeof(StartRun).Assembly.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type {name} is not a message contract.");
}
