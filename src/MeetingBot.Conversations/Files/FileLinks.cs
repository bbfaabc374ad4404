using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MeetingBot.Storage;

namespace MeetingBot.Conversations.Files;

/// <summary>
/// Short-lived download links for the files the bot sends. A link names one file of one
/// conversation and its expiry, signed with a secret all instances share: a link changed in any
/// part, or past its expiry, opens nothing. The file itself also expires from the store.
/// </summary>
public sealed class FileLinks(StoredSecrets secrets, ConversationFiles files, TimeProvider time)
{
    public static readonly DocumentKey SecretKey = new("system", "file-link-key");
    public const string SecretKind = "file-link-key";

    /// <summary>The token of a link: partition, file id and expiry, then their signature (base64url).</summary>
    public async Task<string> CreateTokenAsync(string partitionKey, string fileId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var expires = (time.GetUtcNow() + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{partitionKey}\n{fileId}\n{expires}"));
        return payload + "." + Base64Url.EncodeToString(await SignAsync(payload, cancellationToken));
    }

    /// <summary>The file a link's token opens; null when the token is malformed, forged or expired, or the file is gone.</summary>
    public async Task<StoredFile?> OpenFileAsync(string token, CancellationToken cancellationToken) =>
        await OpenAsync(token, cancellationToken) is var (partition, fileId)
            ? await files.ReadAsync(partition, fileId, cancellationToken)
            : null;

    private async Task<(string PartitionKey, string FileId)?> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > 512 || dot <= 0)
        {
            return null;
        }

        var payload = token[..dot];
        byte[] signature, text;
        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            text = Base64Url.DecodeFromChars(payload);
        }
        catch (FormatException)
        {
            return null;
        }

        var expected = await SignAsync(payload, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(signature, expected))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(text).Split('\n');
        return parts.Length == 3
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires
                ? (parts[0], parts[1])
                : null;
    }

    private async Task<byte[]> SignAsync(string payload, CancellationToken cancellationToken)
    {
        var key = await secrets.GetAsync(SecretKey, SecretKind, cancellationToken);
        return HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload));
    }
}
