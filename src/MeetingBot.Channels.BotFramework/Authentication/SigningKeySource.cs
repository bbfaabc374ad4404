using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MeetingBot.Channels.BotFramework.Authentication;

/// <summary>
/// An issuer's OpenID metadata and signing keys (JWKS), cached for a day. A token signed with an
/// unknown key asks for a fresh copy, because keys rotate; such forced fetches happen at most once
/// every <see cref="ForcedRefreshSpacing"/>, so tokens with made-up key ids cannot make the bot
/// hammer the issuer.
/// </summary>
internal sealed class SigningKeySource(string metadataUrl, HttpClient http, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan ForcedRefreshSpacing = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - _fetchedAt < CacheLifetime)
        {
            return current;
        }

        return await FetchAsync(force: false, cancellationToken);
    }

    /// <summary>Fetches the keys again unless that was done moments ago; returns what is current either way.</summary>
    public Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken cancellationToken) => FetchAsync(force: true, cancellationToken);

    public void Dispose() => _lock.Dispose();

    private async Task<OpenIdConnectConfiguration> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var fresh = _current is not null && now - _fetchedAt < CacheLifetime;
            if (fresh && (!force || now - _lastForcedRefresh < ForcedRefreshSpacing))
            {
                return _current!;
            }

            if (force)
            {
                _lastForcedRefresh = now;
            }

            var retriever = new HttpDocumentRetriever(http) { RequireHttps = metadataUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase) };
            _current = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, retriever, cancellationToken);
            _fetchedAt = now;
            return _current;
        }
        finally
        {
            _lock.Release();
        }
    }
}
