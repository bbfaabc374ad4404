using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// Work that outlives a callback: turns still running when the callback was acknowledged, and the
/// active sends of their replies (protocols.md E.6). Host shutdown waits for it, until the host's
/// shutdown timeout cancels <see cref="Stopping"/>; tests await <see cref="WhenIdleAsync"/> instead of sleeping.
/// </summary>
public sealed partial class WeComBackgroundWork(ILogger<WeComBackgroundWork> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Cancelled when the host gives up waiting at shutdown; background work passes it on.</summary>
    public CancellationToken Stopping => _abort.Token;

    /// <summary>Starts <paramref name="work"/> off the request and tracks it.</summary>
    public Task<T> Run<T>(Func<CancellationToken, Task<T>> work)
    {
        var task = Task.Run(() => work(_abort.Token));
        Track(task, logFailure: false);
        return task;
    }

    /// <summary>Tracks a task until it ends; a failure is logged here unless its caller awaits it.</summary>
    public void Track(Task task, bool logFailure = true)
    {
        _running.TryAdd(task, true);
        _ = task.ContinueWith(
            done =>
            {
                _running.TryRemove(done, out _);
                if (logFailure && done.Exception is { } failure)
                {
                    LogFailed(logger, failure.GetBaseException());
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Completes once no tracked work is left, including work started by work that was tracked.</summary>
    public async Task WhenIdleAsync()
    {
        while (_running.Keys.Where(t => !t.IsCompleted).ToArray() is { Length: > 0 } pending)
        {
            await Task.WhenAll(pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var giveUp = cancellationToken.Register(_abort.Cancel);
        await WhenIdleAsync();
    }

    public void Dispose() => _abort.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom background work failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
