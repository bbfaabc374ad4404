namespace MeetingBot.Storage;

/// <summary>
/// The one storage seam of the bot: JSON documents addressed by partition key and id, with
/// ETag-based optimistic concurrency. The contract is shaped after Azure Cosmos DB so that the
/// embedded store and the Cosmos store are interchangeable: point reads and writes, and queries
/// that stay inside a single partition.
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

    /// <summary>Deletes a document; deleting a missing document is not an error.</summary>
    Task DeleteAsync(DocumentKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the live documents of one partition whose <see cref="NewDocument.Kind"/> is
    /// <paramref name="kind"/>, ordered by id (ordinal, never culture-sensitive).
    /// </summary>
    Task<IReadOnlyList<StoredDocument>> QueryPartitionAsync(string partitionKey, string kind, CancellationToken cancellationToken);
}
