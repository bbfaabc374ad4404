using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using MeetingBot.Storage;

namespace MeetingBot.Conversations.Files;

/// <summary>
/// Secrets every instance of the bot must share and keep across restarts (the keys that sign
/// tokens and links). Each is a document of the store, created by the first instance that needs it;
/// a create conflict means another instance was first, and its secret is used.
/// </summary>
public sealed class StoredSecrets(IDocumentStore store)
{
    private readonly ConcurrentDictionary<DocumentKey, Lazy<Task<byte[]>>> _loading = new();

    /// <summary>The 32-byte secret kept under <paramref name="key"/>; a failed load is tried again on the next call.</summary>
    public Task<byte[]> GetAsync(DocumentKey key, string kind, CancellationToken cancellationToken)
    {
        var loading = _loading.GetOrAdd(key, k => new Lazy<Task<byte[]>>(() => LoadOrCreateAsync(k, kind)));
        if (loading.Value.IsFaulted || loading.Value.IsCanceled)
        {
            _loading.TryUpdate(key, new Lazy<Task<byte[]>>(() => LoadOrCreateAsync(key, kind)), loading);
            loading = _loading[key];
        }

        // Shared by every caller, so it must not be cancelled by any one of them.
        return loading.Value.WaitAsync(cancellationToken);
    }

    private async Task<byte[]> LoadOrCreateAsync(DocumentKey key, string kind)
    {
        var stored = await store.ReadAsync(key, CancellationToken.None);
        if (stored is null)
        {
            var secret = RandomNumberGenerator.GetBytes(32);
            var body = JsonSerializer.SerializeToElement(new SecretDocument(Convert.ToBase64String(secret)), StoredJson.Context.SecretDocument);
            try
            {
                await store.CreateAsync(new NewDocument(key, kind, body), CancellationToken.None);
                return secret;
            }
            catch (DocumentConflictException)
            {
                stored = await store.ReadAsync(key, CancellationToken.None)
                    ?? throw new InvalidOperationException($"The secret '{key.Id}' was created by another instance but cannot be read.");
            }
        }

        var document = stored.Body.Deserialize(StoredJson.Context.SecretDocument);
        return Convert.FromBase64String(document?.Secret is { Length: > 0 } s ? s : throw new InvalidOperationException($"The stored secret '{key.Id}' is empty."));
    }
}

/// <summary>How a secret is stored: base64 of its bytes.</summary>
public sealed record SecretDocument(string Secret);
