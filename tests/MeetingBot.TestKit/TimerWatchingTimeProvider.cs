using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.TestKit;

/// <summary>
/// A fake clock that also reports each timer created on it (a Task.Delay, a WaitAsync timeout), so a
/// test knows the code under test is waiting, and for how long, before it moves the clock. No sleeps.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Forgets the timers created so far, so that <see cref="NextTimerAsync"/> reports the next one created.</summary>
    public void ForgetTimers()
    {
        while (_timers.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>The due time of the next timer created (waiting for it if need be; 10 s of real time at most).</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
