using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MeetingBot.Storage.Cosmos;

/// <summary>
/// The item stored for one document. The body is nested rather than merged so that any JSON value
/// (also arrays and numbers) fits and no body property can clash with Cosmos DB's own:
/// <code>
/// { "id": "&lt;encoded id&gt;", "pk": "&lt;encoded partition key&gt;",
///   "key": { "partitionKey": "…", "id": "…" }, "kind": "conversation", "body": { … },
///   "ttl": 60, "expiresAt": 1741000000000 }
/// </code>
/// "ttl" (seconds) lets Cosmos DB delete a transient document; "expiresAt" (Unix milliseconds on the
/// store's clock) lets the store treat it as gone the moment it expires, also on servers that never
/// delete. Both are absent on permanent documents, as Cosmos DB wants (an item ttl of null is invalid).
/// </summary>
internal static class CosmosEnvelope
{
    /// <summary>The container's partition key path.</summary>
    public const string PartitionKeyPath = "/pk";

    // Chinese text stays UTF-8 instead of becoming \uXXXX escapes: three bytes per character instead
    // of six, and request charges grow with item size. The items are never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(NewDocument document, long? expiresAt)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", CosmosKeys.Encode(document.Key.Id));
            writer.WriteString("pk", CosmosKeys.Encode(document.Key.PartitionKey));
            writer.WriteStartObject("key");
            writer.WriteString("partitionKey", document.Key.PartitionKey);
            writer.WriteString("id", document.Key.Id);
            writer.WriteEndObject();
            writer.WriteString("kind", document.Kind);
            writer.WritePropertyName("body");
            document.Body.WriteTo(writer);
            if (document.TimeToLive is { } timeToLive && expiresAt is { } expires)
            {
                // Rounded up: the server must never delete a document the store still reports as live.
                writer.WriteNumber("ttl", (long)Math.Min(int.MaxValue, Math.Ceiling(timeToLive.TotalSeconds)));
                writer.WriteNumber("expiresAt", expires);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads an item as returned by a point read; the ETag comes from the response headers.</summary>
    public static async Task<CosmosItem> ReadAsync(Stream content, string cosmosETag, CancellationToken cancellationToken)
    {
        using var parsed = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken);
        return Parse(parsed.RootElement, cosmosETag);
    }

    /// <summary>Reads an item from a query page, where the ETag is the item's "_etag" property.</summary>
    public static CosmosItem Parse(JsonElement item, string? cosmosETag = null)
    {
        var key = item.GetProperty("key");
        var expiresAt = item.TryGetProperty("expiresAt", out var expires) && expires.ValueKind == JsonValueKind.Number
            ? expires.GetInt64()
            : (long?)null;
        return new CosmosItem(
            new DocumentKey(key.GetProperty("partitionKey").GetString()!, key.GetProperty("id").GetString()!),
            item.GetProperty("kind").GetString()!,
            item.GetProperty("body").Clone(),
            cosmosETag ?? item.GetProperty("_etag").GetString()!,
            expiresAt);
    }
}

/// <summary>An item as the server holds it, before the store decides whether it is still live.</summary>
internal sealed record CosmosItem(DocumentKey Key, string Kind, JsonElement Body, string CosmosETag, long? ExpiresAt)
{
    public bool IsLiveAt(long now) => ExpiresAt is not { } expires || expires > now;

    public StoredDocument ToStored() => new(Key, Kind, Body, StoreETag.Compose(CosmosETag, ExpiresAt));
}

/// <summary>
/// The ETag the store hands out: the Cosmos ETag, plus the expiry of that version when it has one.
/// A version's expiry never changes (a later write makes a new version with a new ETag), so a replace
/// whose ETag names an expired version must fail, exactly as it would once Cosmos DB has deleted the
/// item, and the store can say so without a round trip even where the server does not expire items.
/// ETags of permanent documents are plain Cosmos ETags.
/// </summary>
internal static class StoreETag
{
    private const string ExpirySeparator = ";expires=";

    public static string Compose(string cosmosETag, long? expiresAt) =>
        expiresAt is { } expires ? cosmosETag + ExpirySeparator + expires.ToString(CultureInfo.InvariantCulture) : cosmosETag;

    public static (string CosmosETag, long? ExpiresAt) Parse(string etag)
    {
        var at = etag.LastIndexOf(ExpirySeparator, StringComparison.Ordinal);
        return at >= 0 && long.TryParse(etag.AsSpan(at + ExpirySeparator.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            ? (etag[..at], expires)
            : (etag, null);
    }
}
