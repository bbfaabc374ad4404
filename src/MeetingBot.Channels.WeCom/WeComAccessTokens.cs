namespace MeetingBot.Channels.WeCom;

/// <summary>
/// The app's access_token, shared by every API call (docs/protocols.md E.8): fetched once, kept until
/// shortly before it expires, and fetched again early when WeCom says it is invalid or expired.
/// gettoken is rate-limited, so concurrent callers wait for one fetch instead of each fetching.
/// </summary>
public sealed class WeComAccessTokens(TimeProvider time) : IDisposable
{
    /// <summary>Refresh this long before expiry, so a token is never used in its last minutes.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private CachedToken? _current;

    /// <summary>The cached token, or a fresh one from <paramref name="fetch"/> (token and lifetime).</summary>
    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, CancellationToken cancellationToken)
    {
        if (Usable(Volatile.Read(ref _current)) is { } token)
        {
            return token;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (Usable(Volatile.Read(ref _current)) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var (fresh, lifetime) = await fetch(cancellationToken);
            var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
            Volatile.Write(ref _current, new CachedToken(fresh, time.GetUtcNow() + lifetime - margin));
            return fresh;
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> if it is still the cached one (a caller that already refreshed keeps the new one).</summary>
    public void Invalidate(string token)
    {
        var current = Volatile.Read(ref _current);
        if (current?.Token == token)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _fetching.Dispose();

    private string? Usable(CachedToken? cached) => cached is not null && time.GetUtcNow() < cached.RefreshAt ? cached.Token : null;

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);
}
