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

/// <summary>What a write of a batch does; each is the single call of the same name.</summary>
public enum DocumentWriteKind
{
    /// <summary><see cref="IDocumentStore.CreateAsync"/>: the document must not exist yet, or must have expired.</summary>
    Create,

    /// <summary><see cref="IDocumentStore.ReplaceAsync"/>: the document's current ETag must be <see cref="DocumentWrite.IfMatch"/>.</summary>
    Replace,

    /// <summary><see cref="IDocumentStore.UpsertAsync"/>: creates or overwrites whatever is there.</summary>
    Upsert,
}

/// <summary>
/// One write of <see cref="IDocumentStore.WriteBatchAsync"/>. <paramref name="IfMatch"/> is the ETag
/// a <see cref="DocumentWriteKind.Replace"/> requires, and only that kind takes one.
/// </summary>
public sealed record DocumentWrite(DocumentWriteKind Kind, NewDocument Document, string? IfMatch = null)
{
    /// <summary>The most writes one batch may hold: Azure Cosmos DB's limit on a transactional batch.</summary>
    public const int MaxPerBatch = 100;

    public static DocumentWrite Create(NewDocument document) => new(DocumentWriteKind.Create, document);

    public static DocumentWrite Replace(NewDocument document, string ifMatch) => new(DocumentWriteKind.Replace, document, ifMatch);

    public static DocumentWrite Upsert(NewDocument document) => new(DocumentWriteKind.Upsert, document);
}

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
