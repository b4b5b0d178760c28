using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AspireMigration.TestSupport;

/// <summary>
/// Keeps everything a host logs, at every level and past every filter: the formatted message, the
/// structured values, the scopes and the exception, as the exporters and consoles would see them.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => entries;

    /// <summary>Adds the capture to a host's logging, at Trace whatever the host's configuration says.</summary>
    public void AddTo(IServiceCollection services) => services.AddLogging(logging =>
    {
        logging.AddProvider(this);
        logging.AddFilter<LogCapture>(null, LogLevel.Trace);
    });

    /// <summary>Fails naming each secret that appears in a log entry, and the entry's level and category (not the secret).</summary>
    public void AssertNeverLogged(IReadOnlyDictionary<string, string> secrets)
    {
        var leaks = secrets
            .SelectMany(secret => entries.Where(e => e.Contains(secret.Value, StringComparison.Ordinal))
                .Select(e => $"{secret.Key} in: {e[..e.IndexOf(':', StringComparison.Ordinal)]}"))
            .Distinct()
            .ToList();
        Assert.True(leaks.Count == 0, "Secrets were logged:" + Environment.NewLine + string.Join(Environment.NewLine, leaks));
    }

    public ILogger CreateLogger(string categoryName) => new CapturedLogger(categoryName, entries, () => scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }
}
