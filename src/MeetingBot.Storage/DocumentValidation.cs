using System.Text.Json;

namespace MeetingBot.Storage;

/// <summary>Rejects inputs that no store could honour, before they reach the database; shared by every store.</summary>
public static class DocumentValidation
{
    public static void ValidateKey(DocumentKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(key.PartitionKey, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(key.Id, nameof(key));
    }

    public static void ValidateDocument(NewDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ValidateKey(document.Key);
        ArgumentException.ThrowIfNullOrEmpty(document.Kind, nameof(document));
        if (document.Body.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The document body must be a JSON value.", nameof(document));
        }

        if (document.TimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(document), ttl, "The time to live must be positive.");
        }
    }
}
