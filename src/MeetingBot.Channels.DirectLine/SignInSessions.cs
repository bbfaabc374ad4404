using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MeetingBot.Storage;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// The signed-in sessions of the Web Chat page. A Direct Line token names the session it was issued
/// to, and is accepted only while the session's document exists, so a sign-out (or an administrator
/// closing a user's sessions) kills every token of it on every instance at once. A session ends by
/// itself after its lifetime: the document carries it as its time to live. One partition per user,
/// so that all of a user's sessions are one single-partition query.
/// </summary>
public sealed class SignInSessions(IDocumentStore store, TimeProvider time)
{
    public const string DocumentKind = "web-session";

    /// <summary>Opens a session of <paramref name="userId"/>; returns its id.</summary>
    public async Task<string> OpenAsync(string userId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var sessionId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var body = JsonSerializer.SerializeToElement(new SignInSession(time.GetUtcNow()), DirectLineJsonContext.Default.SignInSession);
        await store.CreateAsync(new NewDocument(Key(userId, sessionId), DocumentKind, body, lifetime), cancellationToken);
        return sessionId;
    }

    public async Task<bool> IsOpenAsync(string userId, string sessionId, CancellationToken cancellationToken) =>
        await store.ReadAsync(Key(userId, sessionId), cancellationToken) is not null;

    /// <summary>Ends one session (sign-out); its tokens are refused from now on.</summary>
    public Task CloseAsync(string userId, string sessionId, CancellationToken cancellationToken) =>
        store.DeleteAsync(Key(userId, sessionId), cancellationToken);

    /// <summary>Ends every session of a user; returns how many were open.</summary>
    public async Task<int> CloseAllAsync(string userId, CancellationToken cancellationToken)
    {
        var open = await store.QueryPartitionAsync(PartitionOf(userId), DocumentKind, cancellationToken);
        foreach (var session in open)
        {
            await store.DeleteAsync(session.Key, cancellationToken);
        }

        return open.Count;
    }

    private static DocumentKey Key(string userId, string sessionId) => new(PartitionOf(userId), "session-" + sessionId);

    private static string PartitionOf(string userId) =>
        "websessions-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)).AsSpan(0, 20));
}

/// <summary>What is stored of a session: only when it began.</summary>
internal sealed record SignInSession(DateTimeOffset OpenedAt);
