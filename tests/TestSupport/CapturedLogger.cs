using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AspireMigration.TestSupport;

/// <summary>One category's logger of <see cref="LogCapture"/>: writes each entry as one line of text.</summary>
internal sealed class CapturedLogger(string category, ConcurrentQueue<string> entries, Func<IExternalScopeProvider> scopes) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => scopes().Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // Level and category first, up to the first colon: what a failing assertion may show.
        var entry = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            entry.Append(" | values: ").AppendJoin("; ", values.Select(v => $"{v.Key}={v.Value}"));
        }
        scopes().ForEachScope((scope, text) => text.Append(" | scope: ").Append(scope is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : scope?.ToString()), entry);
        if (exception is not null)
        {
            entry.Append(" | exception: ").Append(exception);
        }
        entries.Enqueue(entry.ToString());
    }
}
