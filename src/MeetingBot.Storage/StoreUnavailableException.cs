namespace MeetingBot.Storage;

/// <summary>
/// The store could not serve the call in time: throttled beyond its retry budget, unreachable,
/// timed out, or (the embedded store) its file locked by another process, its disk full or
/// failing. Every write is a single atomic operation, so a failed call has written nothing, or
/// (when a write timed out after reaching the server) everything; never a part. The caller
/// should give up the turn and ask the user to try again later.
/// </summary>
public sealed class StoreUnavailableException(string message, TimeSpan? retryAfter = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>How long the store asked callers to wait, when it said so (throttling).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
