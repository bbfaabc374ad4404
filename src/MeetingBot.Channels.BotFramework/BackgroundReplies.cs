using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// Sends replies after the HTTP response has gone: an invoke must be answered within the channel's
/// time limit, the replies follow through the Connector. Pending sends are awaited when the host
/// stops, so none is cut off by a shutdown.
/// </summary>
public sealed partial class BackgroundReplies(IServiceScopeFactory scopes, ILogger<BackgroundReplies> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Task, bool> _pending = new();

    public void Send(IReadOnlyList<Activity> replies)
    {
        var task = Task.Run(async () =>
        {
            using var scope = scopes.CreateScope();
            var connector = scope.ServiceProvider.GetRequiredService<ConnectorClient>();
            try
            {
                foreach (var reply in replies)
                {
                    await connector.SendAsync(reply, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        });
        _pending[task] = true;
        task.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when every reply handed over so far has been sent or has failed.</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_pending.Keys);

    public async ValueTask DisposeAsync() => await WhenIdleAsync();

    [LoggerMessage(Level = LogLevel.Error, Message = "Replies after an invoke could not be sent ({Error})")]
    private static partial void LogFailed(ILogger logger, string error);
}
