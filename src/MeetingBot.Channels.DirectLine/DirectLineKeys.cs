using System.Security.Cryptography;
using System.Text.Json;
using MeetingBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// The secret behind tokens and conversation ids. It is stored, not generated per process, because
/// both must survive a restart: an open page keeps its token, and a returning user (same user id)
/// must land in the same conversation. The first instance to start creates it; a create conflict
/// means another instance was first, and its secret is used.
/// </summary>
public sealed partial class DirectLineKeys(IDocumentStore store, ILogger<DirectLineKeys> logger) : IHostedService
{
    public const string DocumentKind = "directline-key";

    public static readonly DocumentKey DocumentKey = new("system", "directline-key");

    private readonly Lock gate = new();
    private Task<KeySet>? loading;

    /// <summary>Loads (or creates) the secret; a failed load is tried again on the next call.</summary>
    public Task<KeySet> GetAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // Shared by every caller, so it must not be cancelled by any one of them.
            if (loading is null || loading.IsFaulted || loading.IsCanceled)
            {
                loading = LoadOrCreateAsync();
            }

            return loading.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Loaded at start-up so that a broken store stops the host rather than the first visitor.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<KeySet> LoadOrCreateAsync()
    {
        var stored = await store.ReadAsync(DocumentKey, CancellationToken.None);
        if (stored is null)
        {
            var secret = RandomNumberGenerator.GetBytes(32);
            var body = JsonSerializer.SerializeToElement(new KeyDocument(Convert.ToBase64String(secret)), DirectLineJsonContext.Default.KeyDocument);
            try
            {
                await store.CreateAsync(new NewDocument(DocumentKey, DocumentKind, body), CancellationToken.None);
                LogKeyCreated(logger);
                return KeySet.Derive(secret);
            }
            catch (DocumentConflictException)
            {
                LogKeyCreatedElsewhere(logger);
                stored = await store.ReadAsync(DocumentKey, CancellationToken.None)
                    ?? throw new InvalidOperationException("The Direct Line key was created by another instance but cannot be read.");
            }
        }

        var document = stored.Body.Deserialize(DirectLineJsonContext.Default.KeyDocument);
        return KeySet.Derive(Convert.FromBase64String(document?.Secret ?? throw new InvalidOperationException("The stored Direct Line key is empty.")));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the Direct Line signing key")]
    private static partial void LogKeyCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another instance created the Direct Line signing key first; using it")]
    private static partial void LogKeyCreatedElsewhere(ILogger logger);
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
