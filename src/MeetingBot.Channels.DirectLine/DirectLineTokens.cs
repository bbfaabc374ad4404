using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// Who a token is issued to: the Direct Line user id, the name to show the bot, the signed-in
/// session it belongs to (none for the development page without sign-in), and the account rosters
/// name the signed-in user by (<c>web:&lt;subject&gt;</c>).
/// </summary>
public sealed record DirectLineUser(string UserId, string? Name = null, string? SessionId = null, string? Account = null);

/// <summary>Who a valid token speaks for: one user in the one conversation derived from that user's id.</summary>
public sealed record DirectLineIdentity(DirectLineUser User, string ConversationId, DateTimeOffset ExpiresAt)
{
    public string UserId => User.UserId;
}

/// <summary>
/// Tokens of the local Direct Line channel: <c>dl1.&lt;payload&gt;.&lt;signature&gt;</c>, the payload being
/// base64url JSON {user id, conversation id, name, session, expiry} and the signature its HMAC-SHA256
/// under the channel's key. Tokens themselves are not kept, so they stay valid across restarts
/// until they expire; a token of a signed-in session is valid only while that session is open
/// (<see cref="SignInSessions"/>), so signing out kills it everywhere.
/// </summary>
/// <remarks>
/// With <see cref="DirectLineAccess.AnonymousPage"/> (development only) the page's random user id,
/// kept in localStorage, is the only credential: whoever has it gets a token for that user's
/// conversation. With <see cref="DirectLineAccess.SignedIn"/> user ids come from the identity
/// provider's issuer and subject (<see cref="UserIdOfAsync"/>), and only tokens with a session are accepted.
/// </remarks>
public sealed partial class DirectLineTokens(DirectLineKeys keys, SignInSessions sessions, IOptions<DirectLineOptions> options, TimeProvider time)
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

    /// <summary>
    /// The Direct Line user id of a signed-in user, from the identity provider's issuer and subject:
    /// stable for that user, the same on every instance, and telling nothing of either.
    /// </summary>
    public async Task<string> UserIdOfAsync(string issuer, string subject, CancellationToken cancellationToken)
    {
        var keySet = await keys.GetAsync(cancellationToken);
        var hash = HMACSHA256.HashData(keySet.UserKey, Encoding.UTF8.GetBytes(issuer + "\n" + subject));
        return "dl_" + Convert.ToHexStringLower(hash.AsSpan(0, 20));
    }

    public async Task<(string Token, DirectLineIdentity Identity)> IssueAsync(DirectLineUser user, CancellationToken cancellationToken)
    {
        if (!IsValidUserId(user.UserId))
        {
            throw new ArgumentException("Not a Direct Line user id.", nameof(user));
        }

        var conversationId = await ConversationIdOfAsync(user.UserId, cancellationToken);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + options.Value.TokenLifetime).ToUnixTimeSeconds());
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new TokenPayload(user.UserId, conversationId, expiresAt.ToUnixTimeSeconds(), user.Name, user.SessionId, user.Account), DirectLineJsonContext.Default.TokenPayload);
        var signed = Prefix + Base64Url.EncodeToString(payload);
        var keySet = await keys.GetAsync(cancellationToken);
        var token = signed + "." + Base64Url.EncodeToString(Sign(keySet, signed));
        return (token, new DirectLineIdentity(user, conversationId, expiresAt));
    }

    /// <summary>The identity a token carries; null when it is malformed, forged, expired, or its session has ended.</summary>
    public async Task<DirectLineIdentity?> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        var payload = await ReadSignedAsync(token, cancellationToken);
        if (payload is null || !IsValidUserId(payload.UserId) || string.IsNullOrEmpty(payload.ConversationId)
            || payload.ExpiresAtUnixSeconds <= time.GetUtcNow().ToUnixTimeSeconds()
            || payload.ExpiresAtUnixSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        var session = payload.SessionId;
        var open = session is null
            ? options.Value.Access == DirectLineAccess.AnonymousPage
            : await sessions.IsOpenAsync(payload.UserId, session, cancellationToken);
        return open
            ? new DirectLineIdentity(new DirectLineUser(payload.UserId, payload.Name, session, payload.Account), payload.ConversationId, DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAtUnixSeconds))
            : null;
    }

    /// <summary>The payload of a token whose signature is this channel's; null for anything else.</summary>
    private async Task<TokenPayload?> ReadSignedAsync(string? token, CancellationToken cancellationToken)
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

        try
        {
            return JsonSerializer.Deserialize(json, DirectLineJsonContext.Default.TokenPayload);
        }
        catch (JsonException)
        {
            return null;
        }
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
