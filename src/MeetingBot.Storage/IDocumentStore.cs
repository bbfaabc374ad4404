namespace MeetingBot.Storage;

/// <summary>
/// The one storage seam of the bot: JSON documents addressed by partition key and id, with
/// ETag-based optimistic concurrency. The contract is shaped after Azure Cosmos DB so that the
/// embedded store and the Cosmos store are interchangeable: point reads and writes, atomic batches
/// of writes within one partition, and queries that stay inside a single partition.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Reads one document; null when it does not exist or its time to live has passed.</summary>
    Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken);

    /// <summary>Creates a document that must not exist yet; an expired document counts as absent.</summary>
    /// <exception cref="DocumentConflictException">A live document with the same key exists.</exception>
    Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken);

    /// <summary>Replaces a document only if its current ETag equals <paramref name="ifMatch"/>.</summary>
    /// <exception cref="DocumentPreconditionFailedException">The document changed or no longer exists.</exception>
    Task<StoredDocument> ReplaceAsync(NewDocument document, string ifMatch, CancellationToken cancellationToken);

    /// <summary>Creates or overwrites a document regardless of its current ETag.</summary>
    Task<StoredDocument> UpsertAsync(NewDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// Writes several documents of one partition in one atomic call: every write with the semantics
    /// of its single call (<see cref="CreateAsync"/>, <see cref="ReplaceAsync"/>,
    /// <see cref="UpsertAsync"/>: time to live, create over an expired document, ETags), but all of
    /// them or none. When one write fails its condition, nothing of the batch is written and the call
    /// throws what that write's single call would have thrown.
    /// </summary>
    /// <param name="writes">
    /// One to <see cref="DocumentWrite.MaxPerBatch"/> writes, all in the same partition and each to
    /// another document; they are applied in this order.
    /// </param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>The stored documents with their new ETags, in the order of <paramref name="writes"/>.</returns>
    /// <exception cref="ArgumentException">The writes are empty, too many, span partitions or name a document twice.</exception>
    /// <exception cref="DocumentConflictException">A create met a live document; its key is the exception's.</exception>
    /// <exception cref="DocumentPreconditionFailedException">A replace found another ETag or no document; its key is the exception's.</exception>
    Task<IReadOnlyList<StoredDocument>> WriteBatchAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken);

    /// <summary>Deletes a document; deleting a missing document is not an error.</summary>
    Task DeleteAsync(DocumentKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the live documents of one partition whose <see cref="NewDocument.Kind"/> is
    /// <paramref name="kind"/>, ordered by id (ordinal, never culture-sensitive).
    /// </summary>
    Task<IReadOnlyList<StoredDocument>> QueryPartitionAsync(string partitionKey, string kind, CancellationToken cancellationToken);
}
