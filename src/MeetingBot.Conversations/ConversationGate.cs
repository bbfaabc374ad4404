namespace MeetingBot.Conversations;

/// <summary>
/// Lets one turn of a conversation run at a time inside this process, the others waiting in order
/// of arrival. Turns of one conversation would otherwise all read the same state, and all but one
/// would fail their conditional write and start again; a burst of a dozen messages then exhausts
/// any retry bound. Across instances the store's ETags still decide (see <see cref="TurnPipeline"/>).
/// </summary>
public sealed class ConversationGate(int maxWaiting)
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for the conversation's turn. Null when <paramref name="maxWaiting"/> turns are waiting
    /// already, or the wait took longer than <paramref name="maxWait"/>: the caller answers "busy".
    /// </summary>
    public async Task<IDisposable?> EnterAsync(string key, TimeSpan maxWait, TimeProvider time, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        Lane? lane;
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(key, out lane))
            {
                _lanes[key] = new Lane();
                return new Pass(this, key);
            }

            if (lane.Waiting.Count >= maxWaiting)
            {
                return null;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lane.Waiting.Enqueue(waiter);
        }

        try
        {
            await waiter.Task.WaitAsync(maxWait, time, cancellationToken);
            return new Pass(this, key);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (_lanes)
            {
                // Handed the turn at the moment the wait ended: pass it on rather than lose it.
                if (!waiter.TrySetCanceled(CancellationToken.None))
                {
                    Leave(key);
                }
            }

            if (e is OperationCanceledException)
            {
                throw;
            }

            return null;
        }
    }

    /// <summary>Gives the turn to the next waiter still waiting, or closes the lane.</summary>
    private void Leave(string key)
    {
        var lane = _lanes[key];
        while (lane.Waiting.TryDequeue(out var next))
        {
            if (next.TrySetResult())
            {
                return;
            }
        }

        _lanes.Remove(key);
    }

    private sealed class Lane
    {
        public Queue<TaskCompletionSource> Waiting { get; } = new();
    }

    private sealed class Pass(ConversationGate gate, string key) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                lock (gate._lanes)
                {
                    gate.Leave(key);
                }
            }
        }
    }
}
