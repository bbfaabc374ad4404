using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Web.Tests;

/// <summary>A logger provider that keeps every line at Information and above, with the values of its scopes, as a log sink would see them.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(string Category, int EventId, LogLevel Level, string Text)> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<(string Category, int EventId, LogLevel Level, string Text)> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = formatter(state, exception) + " " + exception;
            owner._scopes.ForEachScope((scope, _) => text += " | " + (scope is IEnumerable<KeyValuePair<string, object>> pairs ? string.Join(", ", pairs) : scope), (object?)null);
            owner._lines.Enqueue((category, eventId.Id, logLevel, text));
        }
    }
}
