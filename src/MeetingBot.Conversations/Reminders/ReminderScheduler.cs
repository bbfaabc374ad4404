using MeetingBot.Meetings.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Reminders;

/// <summary>
/// Wakes on the <see cref="TimeProvider"/> when the next reminder is due (at the latest every
/// <see cref="ReminderOptions.PollInterval"/>, since other instances change meetings too), or at
/// once when a secretary's 提醒 opened a round, and runs every meeting's rounds. It keeps nothing
/// in memory that the store does not have: a restart, or another instance, goes on where it was.
/// </summary>
public sealed class ReminderScheduler(MeetingStore meetings, ReminderRounds rounds, IOptions<ReminderOptions> options, TimeProvider time, ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    // A meeting is looked at until this long after its meeting (or deadline): rounds held back by
    // quiet hours finish and their summaries reach the secretaries.
    private static readonly TimeSpan Afterwards = TimeSpan.FromDays(2);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _passGate = new();
    private List<TaskCompletionSource> _waitingForPass = [];

    /// <summary>Looks at the meetings now rather than when the next reminder is due.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken twice at the same moment: once is enough.
            }
        }
    }

    /// <summary>Wakes the scheduler and completes when a pass that began after this call has ended.</summary>
    public Task PassAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_passGate)
        {
            _waitingForPass.Add(done);
        }

        Wake();
        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            List<TaskCompletionSource> waiting;
            lock (_passGate)
            {
                (waiting, _waitingForPass) = (_waitingForPass, []);
            }

            var next = await RunOnceAsync(stoppingToken);
            waiting.ForEach(w => w.TrySetResult());
            var wait = next is { } at ? at - time.GetUtcNow() : options.Value.PollInterval;
            await WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.Value.PollInterval ? options.Value.PollInterval : wait, stoppingToken);
        }
    }

    /// <summary>
    /// One look at every meeting that may have something to send (what the service does each time
    /// it wakes); returns when something is due next. A meeting whose store call fails is logged and
    /// looked at again on the next pass.
    /// </summary>
    public async Task<DateTimeOffset?> RunOnceAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? next = null;
        try
        {
            var now = time.GetUtcNow();
            foreach (var entry in await meetings.AllAsync(stoppingToken))
            {
                if (entry.EndsAt is { } ends && ends + Afterwards < now)
                {
                    continue;
                }

                try
                {
                    if (await rounds.RunAsync(entry.MeetingId, stoppingToken) is { } due && (next is null || due < next))
                    {
                        next = due;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One meeting's trouble (the store refusing for now) does not hold up the others; the next pass tries again.
                    Log.ReminderPassFailed(logger, e.GetType().Name);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ReminderPassFailed(logger, e.GetType().Name);
        }

        return next;
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = _wake.WaitAsync(either.Token);
        var elapsed = Task.Delay(wait, time, either.Token);
        await Task.WhenAny(woken, elapsed);
        await either.CancelAsync();
        await Task.WhenAll(woken, elapsed).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stoppingToken.ThrowIfCancellationRequested();
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
