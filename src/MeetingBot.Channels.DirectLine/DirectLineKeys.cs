using System.Security.Cryptography;
using System.Text;
using MeetingBot.Conversations.Files;
using MeetingBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// The secret behind tokens, user ids and conversation ids. It must survive a restart and be the
/// same on every instance: an open page keeps its token, and a returning user must land in the same
/// conversation. It comes from DirectLine:SigningSecret when that is set (a deployment's secret
/// store), else from the store: the first instance to start creates it there, and a create conflict
/// means another instance was first, and its secret is used. Changing it gives every user a new,
/// empty conversation.
/// </summary>
public sealed class DirectLineKeys(StoredSecrets secrets, IOptions<DirectLineOptions> options) : IHostedService
{
    public const string DocumentKind = "directline-key";

    public static readonly DocumentKey DocumentKey = new("system", "directline-key");

    private KeySet? _keys;

    /// <summary>Loads (or creates) the secret; a failed load is tried again on the next call.</summary>
    public async Task<KeySet> GetAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } keys)
        {
            return keys;
        }

        var secret = options.Value.SigningSecret is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : await secrets.GetAsync(DocumentKey, DocumentKind, cancellationToken);
        return _keys = KeySet.Derive(secret);
    }

    /// <summary>Loaded at start-up so that a broken store stops the host rather than the first visitor.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>One key per purpose, derived from the secret, so a token signature can never pass as a conversation or user id.</summary>
public sealed class KeySet
{
    private KeySet(byte[] token, byte[] conversation, byte[] user)
    {
        TokenKey = token;
        ConversationKey = conversation;
        UserKey = user;
    }

    internal byte[] TokenKey { get; }

    internal byte[] ConversationKey { get; }

    internal byte[] UserKey { get; }

    internal static KeySet Derive(byte[] secret) => new(
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "meetingbot directline token"u8.ToArray()),
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "meetingbot directline conversation"u8.ToArray()),
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "meetingbot directline signed-in user"u8.ToArray()));
}
