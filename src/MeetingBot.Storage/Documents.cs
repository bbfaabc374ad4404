using System.Text.Json;

namespace MeetingBot.Storage;

/// <summary>Where a document lives: its partition and its id within that partition.</summary>
public sealed record DocumentKey(string PartitionKey, string Id);

/// <summary>
/// A document to write. <paramref name="Kind"/> names what the body is (used by partition
/// queries); <paramref name="TimeToLive"/> makes transient documents (duplicate-delivery records,
/// locks) disappear on their own. The time to live counts from this write; a write without one
/// makes the document permanent.
/// </summary>
public sealed record NewDocument(DocumentKey Key, string Kind, JsonElement Body, TimeSpan? TimeToLive = null);

/// <summary>A document as stored, with the ETag to pass back for a conditional replace.</summary>
public sealed record StoredDocument(DocumentKey Key, string Kind, JsonElement Body, string ETag);

/// <summary>A create collided with a live document of the same key.</summary>
public sealed class DocumentConflictException(DocumentKey key)
    : Exception($"A document with id '{key.Id}' already exists in partition '{key.PartitionKey}'.")
{
    public DocumentKey Key { get; } = key;
}

/// <summary>A conditional write found another ETag than the one it was given, or no document.</summary>
public sealed class DocumentPreconditionFailedException(DocumentKey key)
    : Exception($"The document '{key.Id}' in partition '{key.PartitionKey}' has changed since it was read.")
{
    public DocumentKey Key { get; } = key;
}
