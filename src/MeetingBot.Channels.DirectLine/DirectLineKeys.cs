using System.Security.Cryptography;
using MeetingBot.Conversations.Files;
using MeetingBot.Storage;
using Microsoft.Extensions.Hosting;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// The secret behind tokens and conversation ids. It is stored, not generated per process, because
/// both must survive a restart: an open page keeps its token, and a returning user (same user id)
/// must land in the same conversation. The first instance to start creates it; a create conflict
/// means another instance was first, and its secret is used.
/// </summary>
public sealed class DirectLineKeys(StoredSecrets secrets) : IHostedService
{
    public const string DocumentKind = "directline-key";

    public static readonly DocumentKey DocumentKey = new("system", "directline-key");

    /// <summary>Loads (or creates) the secret; a failed load is tried again on the next call.</summary>
    public async Task<KeySet> GetAsync(CancellationToken cancellationToken) =>
        KeySet.Derive(await secrets.GetAsync(DocumentKey, DocumentKind, cancellationToken));

    /// <summary>Loaded at start-up so that a broken store stops the host rather than the first visitor.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>One key per purpose, derived from the stored secret, so a token signature can never pass as a conversation id.</summary>
public sealed class KeySet
{
    private KeySet(byte[] token, byte[] conversation)
    {
        TokenKey = token;
        ConversationKey = conversation;
    }

    internal byte[] TokenKey { get; }

    internal byte[] ConversationKey { get; }

    internal static KeySet Derive(byte[] secret) => new(
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "meetingbot directline token"u8.ToArray()),
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "meetingbot directline conversation"u8.ToArray()));
}
