using System.Reflection;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;

namespace AspireMigration.Executor.Saga;

/// <summary>
/// Declares, once for every <see cref="IRunMessage"/>, that its RunId is the saga's correlation id.
/// MassTransit reads this global topology when the state machine declares its events, for the
/// message and for its Fault&lt;T&gt; alike, so the machine needs no per-event correlation lines.
/// </summary>
public static class RunMessageCorrelation
{
    private static readonly MethodInfo UseRunIdMethod =
        typeof(RunMessageCorrelation).GetMethod(nameof(UseRunId), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void Declare()
    {
        // IRunMessage and IRunRequest are shared shapes, not messages: without this every run message would also be
        // published to an exchange of each that nothing consumes.
        GlobalTopology.Publish.GetMessageTopology<IRunMessage>().Exclude = true;
        GlobalTopology.Publish.GetMessageTopology<IRunRequest>().Exclude = true;
        var runMessages = typeof(IRunMessage).Assembly.GetTypes().Where(
            type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IRunMessage)));
        foreach (var type in runMessages)
        {
            UseRunIdMethod.MakeGenericMethod(type).Invoke(null, null);
        }
    }

    private static void UseRunId<T>()
        where T : class, IRunMessage =>
        GlobalTopology.Send.UseCorrelationId<T>(message => message.RunId);
}
