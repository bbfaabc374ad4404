using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

/// <summary>Who a valid token speaks for: one user in the one conversation derived from that user's id.</summary>
public sealed record DirectLineIdentity(string UserId, string ConversationId, DateTimeOffset ExpiresAt);

/// <summary>
/// Tokens of the local Direct Line channel: <c>dl1.&lt;payload&gt;.&lt;signature&gt;</c>, the payload being
/// base64url JSON {user id, conversation id, expiry} and the signature its HMAC-SHA256 under the stored
/// key. Nothing about tokens is kept in memory, so they stay valid across restarts until they expire.
/// </summary>
/// <remarks>
/// The user id, random and kept by the page in localStorage, is the only credential of this channel:
/// whoever has it gets a token for that user's conversation (as with a Direct Line token endpoint
/// called without a secret). It must therefore look random enough to be unguessable.
/// </remarks>
public sealed partial class DirectLineTokens(DirectLineKeys keys, IOptions<DirectLineOptions> options, TimeProvider time)
{
    private const string Prefix = "dl1.";
    private const int MaxTokenLength = 1024;

    /// <summary>User ids as the page makes them; the official service also wants tokens' user ids to start with dl_ (D.2).</summary>
    public static bool IsValidUserId(string? userId) => userId is not null && UserIdPattern().IsMatch(userId);

    public int LifetimeSeconds => (int)options.Value.TokenLifetime.TotalSeconds;

    /// <summary>The conversation of a user: the same for the same user id, before and after a restart.</summary>
    public async Task<string> ConversationIdOfAsync(string userId, CancellationToken cancellationToken)
    {
        var keySet = await keys.GetAsync(cancellationToken);
        var hash = HMACSHA256.HashData(keySet.ConversationKey, Encoding.UTF8.GetBytes(userId));
        return "dlc_" + Convert.ToHexStringLower(hash.AsSpan(0, 20));
    }

    public async Task<(string Token, DirectLineIdentity Identity)> IssueAsync(string userId, CancellationToken cancellationToken)
    {
        if (!IsValidUserId(userId))
        {
            throw new ArgumentException("Not a Direct Line user id.", nameof(userId));
        }

        var conversationId = await ConversationIdOfAsync(userId, cancellationToken);
        var expiresAt = time.GetUtcNow() + options.Value.TokenLifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new TokenPayload(userId, conversationId, expiresAt.ToUnixTimeSeconds()), DirectLineJsonContext.Default.TokenPayload);
        var signed = Prefix + Base64Url.EncodeToString(payload);
        var keySet = await keys.GetAsync(cancellationToken);
        var token = signed + "." + Base64Url.EncodeToString(Sign(keySet, signed));
        return (token, new DirectLineIdentity(userId, conversationId, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds())));
    }

    /// <summary>The identity a token carries; null when it is malformed, forged or expired.</summary>
    public async Task<DirectLineIdentity?> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is null || token.Length > MaxTokenLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var dot = token.LastIndexOf('.');
        if (dot <= Prefix.Length)
        {
            return null;
        }

        var signed = token[..dot];
        var keySet = await keys.GetAsync(cancellationToken);
        if (!TryDecode(token.AsSpan(dot + 1), out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(keySet, signed))
            || !TryDecode(signed.AsSpan(Prefix.Length), out var json))
        {
            return null;
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, DirectLineJsonContext.Default.TokenPayload);
        }
        catch (JsonException)
        {
            return null;
        }

        if (payload is null || !IsValidUserId(payload.UserId) || string.IsNullOrEmpty(payload.ConversationId))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAtUnixSeconds);
        return time.GetUtcNow() < expiresAt ? new DirectLineIdentity(payload.UserId, payload.ConversationId, expiresAt) : null;
    }

    private static byte[] Sign(KeySet keySet, string signed) => HMACSHA256.HashData(keySet.TokenKey, Encoding.ASCII.GetBytes(signed));

    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    // 16+ characters after the prefix: the page uses 32 hex digits (128 random bits).
    [GeneratedRegex("^dl_[A-Za-z0-9_-]{16,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();
}
