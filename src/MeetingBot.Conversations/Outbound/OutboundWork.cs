using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Outbound;

/// <summary>
/// Work that outlives the request that started it: turns still running when a channel had to be
/// answered, replies sent after an invoke, deliveries retried in the background. The host's stop
/// waits for it up to Conversations:StopTimeout, then cancels <see cref="Stopping"/>; tests await
/// <see cref="WhenIdleAsync"/> instead of sleeping.
/// </summary>
public sealed class OutboundWork(IOptions<ConversationOptions> options, TimeProvider time, ILogger<OutboundWork> logger) : IHostedService, IDisposable
{
    private const int DeliveryAttempts = 4;

    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Cancelled when the host gives up waiting at shutdown; background work passes it on.</summary>
    public CancellationToken Stopping => _abort.Token;

    /// <summary>Starts <paramref name="work"/> off the request and tracks it; the caller awaits the result (and sees its failure).</summary>
    public Task<T> Run<T>(Func<CancellationToken, Task<T>> work)
    {
        var task = Task.Run(() => work(_abort.Token));
        Track(task, logFailure: false);
        return task;
    }

    /// <summary>Starts <paramref name="work"/> off the request; nobody awaits it, so a failure is logged here.</summary>
    public void Run(Func<CancellationToken, Task> work) => Track(Task.Run(() => work(_abort.Token)));

    /// <summary>
    /// Delivers in the background, trying again after 2, 4 and 8 seconds when the channel fails
    /// (an HTTP error or a refusal); a delivery that still fails is logged.
    /// </summary>
    public void Retry(Func<CancellationToken, Task> delivery) => Run(async stopping =>
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await delivery(stopping);
                return;
            }
            catch (HttpRequestException) when (attempt < DeliveryAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(1 << attempt), time, stopping);
            }
        }
    });

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
                    Log.BackgroundDeliveryFailed(logger, failure.GetBaseException().GetType().Name);
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.StopTimeout);
        await using var giveUp = timeout.Token.Register(_abort.Cancel);
        await WhenIdleAsync();
    }

    public void Dispose() => _abort.Dispose();
}
