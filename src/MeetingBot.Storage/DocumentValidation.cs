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

    /// <summary>
    /// A batch is one transaction of one partition (in Cosmos DB, a transactional batch), so all its
    /// writes share a partition key; each document appears once, so that every write's outcome, and
    /// the exception naming the one that failed, is unambiguous.
    /// </summary>
    public static void ValidateBatch(IReadOnlyList<DocumentWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count is 0 or > DocumentWrite.MaxPerBatch)
        {
            throw new ArgumentException($"A batch holds 1 to {DocumentWrite.MaxPerBatch} writes, not {writes.Count}.", nameof(writes));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            ArgumentNullException.ThrowIfNull(write, nameof(writes));
            ValidateDocument(write.Document);
            if (!Enum.IsDefined(write.Kind))
            {
                throw new ArgumentOutOfRangeException(nameof(writes), write.Kind, "Unknown kind of write.");
            }

            if ((write.Kind == DocumentWriteKind.Replace) != (write.IfMatch is not null))
            {
                throw new ArgumentException("A replace needs the ETag to match, and only a replace takes one.", nameof(writes));
            }

            if (!string.Equals(write.Document.Key.PartitionKey, writes[0].Document.Key.PartitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException("All writes of a batch must be in the same partition.", nameof(writes));
            }

            if (!ids.Add(write.Document.Key.Id))
            {
                throw new ArgumentException("A batch may write each document only once.", nameof(writes));
            }
        }
    }
}
