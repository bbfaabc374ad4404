using System.Diagnostics.Metrics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingBot.Storage.Cosmos;

/// <summary>
/// <see cref="IDocumentStore"/> on one Azure Cosmos DB container partitioned by "/pk" (see
/// docs/architecture.md). Each store call is one Cosmos DB point operation, except a query (one
/// single-partition query, paged), a batch (one transactional batch of the partition) and a create
/// that meets an existing item (one read more, and a replace when that item has expired).
/// Optimistic concurrency is Cosmos DB's own If-Match; time to live is Cosmos DB's item "ttl",
/// mirrored by an expiry on the store's clock (see <see cref="CosmosEnvelope"/>).
/// Items go through the SDK's stream API, so System.Text.Json alone reads and writes them.
/// </summary>
public sealed partial class CosmosDocumentStore : IDocumentStore
{
    // Creating over an expired item races with other writers; after this many looks at the item in
    // the way it is evidently being rewritten by someone else, which is a conflict.
    private const int MaxCreateRounds = 3;

    private readonly Container _container;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CosmosRequestCharges _charges;

    /// <param name="container">The container; one long-lived CosmosClient should own it.</param>
    /// <param name="timeProvider">Clock for time to live.</param>
    /// <param name="logger">Optional logger; document bodies are never logged.</param>
    /// <param name="meterFactory">Optional factory for the request charge meter.</param>
    public CosmosDocumentStore(Container container, TimeProvider timeProvider, ILogger<CosmosDocumentStore>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _container = container;
        _time = timeProvider;
        _logger = logger ?? NullLogger<CosmosDocumentStore>.Instance;
        _charges = new CosmosRequestCharges(meterFactory);
    }

    public async Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        DocumentValidation.ValidateKey(key);
        var item = await ReadItemAsync(key, cancellationToken);
        return item is not null && item.IsLiveAt(Now()) ? item.ToStored() : null;
    }

    public async Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken)
    {
        DocumentValidation.ValidateDocument(document);
        var (content, expiresAt) = Envelope(document);
        string? expiredETag = null;
        for (var round = 1; ; round++)
        {
            using (var response = expiredETag is null
                ? await SendAsync("create", document.Key, () => _container.CreateItemStreamAsync(
                    new MemoryStream(content), PartitionKeyOf(document.Key), WriteOptions(), cancellationToken), cancellationToken)
                : await ReplaceItemAsync(document.Key, content, expiredETag, cancellationToken))
            {
                if (response.IsSuccessStatusCode)
                {
                    _charges.RecordItem(expiredETag is null ? "create" : "replace", content.Length);
                    return Stored(document, response.Headers.ETag, expiresAt);
                }

                EnsureExpected(response, CreateFailures(expiredETag));
            }

            expiredETag = await ExpiredItemInTheWayAsync(document, round, cancellationToken);
        }
    }

    public async Task<StoredDocument> ReplaceAsync(NewDocument document, string ifMatch, CancellationToken cancellationToken)
    {
        DocumentValidation.ValidateDocument(document);
        ArgumentNullException.ThrowIfNull(ifMatch);
        var cosmosETag = CosmosETagOfLiveVersion(document, ifMatch);
        var (content, expiresAt) = Envelope(document);
        using var response = await ReplaceItemAsync(document.Key, content, cosmosETag, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            _charges.RecordItem("replace", content.Length);
            return Stored(document, response.Headers.ETag, expiresAt);
        }

        EnsureExpected(response, HttpStatusCode.PreconditionFailed, HttpStatusCode.NotFound);
        throw PreconditionFailed(document);
    }

    public async Task<StoredDocument> UpsertAsync(NewDocument document, CancellationToken cancellationToken)
    {
        DocumentValidation.ValidateDocument(document);
        var (content, expiresAt) = Envelope(document);
        using var response = await SendAsync("upsert", document.Key, () => _container.UpsertItemStreamAsync(
            new MemoryStream(content), PartitionKeyOf(document.Key), WriteOptions(), cancellationToken), cancellationToken);
        EnsureExpected(response);
        _charges.RecordItem("upsert", content.Length);
        return Stored(document, response.Headers.ETag, expiresAt);
    }

    public async Task DeleteAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        DocumentValidation.ValidateKey(key);
        using var response = await SendAsync("delete", key, () => _container.DeleteItemStreamAsync(
            CosmosKeys.Encode(key.Id), PartitionKeyOf(key), cancellationToken: cancellationToken), cancellationToken);
        EnsureExpected(response, HttpStatusCode.NotFound);
    }

    public async Task<IReadOnlyList<StoredDocument>> QueryPartitionAsync(string partitionKey, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(kind);
        // The filter names pk although the options already do: cosmosdb-server refuses a query of a
        // partitioned container whose filter does not. Whole items come back, so the original key,
        // the kind and the "_etag" are all there without naming properties that SQL might reserve.
        var query = new QueryDefinition(
                "SELECT * FROM c WHERE c.pk = @pk AND c.kind = @kind AND (NOT IS_DEFINED(c.expiresAt) OR c.expiresAt > @now)")
            .WithParameter("@pk", CosmosKeys.Encode(partitionKey))
            .WithParameter("@kind", kind)
            .WithParameter("@now", Now());
        var options = new QueryRequestOptions
        {
            PartitionKey = new PartitionKey(CosmosKeys.Encode(partitionKey)),
            // A query with a partition key goes straight to that partition, without asking the
            // gateway for a query plan first (one round trip less; single-endpoint servers have none).
            EnableOptimisticDirectExecution = true,
        };

        var found = new List<StoredDocument>();
        using var pages = _container.GetItemQueryStreamIterator(query, continuationToken: null, options);
        while (pages.HasMoreResults)
        {
            using var page = await SendAsync("query", null, () => pages.ReadNextAsync(cancellationToken), cancellationToken);
            EnsureExpected(page);
            using var parsed = await JsonDocument.ParseAsync(page.Content, cancellationToken: cancellationToken);
            foreach (var item in parsed.RootElement.GetProperty("Documents").EnumerateArray())
            {
                _charges.RecordItem("query", JsonMarshal.GetRawUtf8Value(item).Length);
                found.Add(CosmosEnvelope.Parse(item).ToStored());
            }
        }

        // Sorted here, not with ORDER BY: the order is of the original ids, which encoding changes.
        found.Sort((a, b) => string.CompareOrdinal(a.Key.Id, b.Key.Id));
        return found;
    }

    private async Task<CosmosItem?> ReadItemAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("read", key, () => _container.ReadItemStreamAsync(
            CosmosKeys.Encode(key.Id), PartitionKeyOf(key), cancellationToken: cancellationToken), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureExpected(response);
        // The SDK hands the body over buffered, so its length is known without reading it.
        _charges.RecordItem("read", response.Content.Length);
        return await CosmosEnvelope.ReadAsync(response.Content, response.Headers.ETag, cancellationToken);
    }

    private (byte[] Content, long? ExpiresAt) Envelope(NewDocument document)
    {
        long? expiresAt = document.TimeToLive is { } ttl ? Now() + (long)Math.Ceiling(ttl.TotalMilliseconds) : null;
        return (CosmosEnvelope.Write(document, expiresAt), expiresAt);
    }

    /// <summary>
    /// Where a create met an item (409), that item may have expired on the store's clock without the
    /// server having deleted it yet (servers delete in the background, emulators may never do).
    /// Returns the ETag of such an expired item, for the create to replace it (If-Match), or null when
    /// the item has gone meanwhile, for the create to try again; a live item is a conflict.
    /// </summary>
    private async Task<string?> ExpiredItemInTheWayAsync(NewDocument document, int round, CancellationToken cancellationToken)
    {
        if (round <= MaxCreateRounds)
        {
            var existing = await ReadItemAsync(document.Key, cancellationToken);
            if (existing is null)
            {
                return null;
            }

            if (!existing.IsLiveAt(Now()))
            {
                Log.CreateOverExpired(_logger, document.Kind);
                return existing.CosmosETag;
            }
        }

        Log.CreateConflict(_logger, document.Kind);
        throw new DocumentConflictException(document.Key);
    }

    /// <summary>
    /// The Cosmos ETag inside the store's <paramref name="ifMatch"/>. A replace of a version that has
    /// expired fails here, without a round trip: that version is gone whatever the server still holds.
    /// </summary>
    private string CosmosETagOfLiveVersion(NewDocument document, string ifMatch)
    {
        var (cosmosETag, versionExpiresAt) = StoreETag.Parse(ifMatch);
        return versionExpiresAt is { } expired && expired <= Now() ? throw PreconditionFailed(document) : cosmosETag;
    }

    private DocumentPreconditionFailedException PreconditionFailed(NewDocument document)
    {
        Log.PreconditionFailed(_logger, document.Kind);
        return new DocumentPreconditionFailedException(document.Key);
    }

    // How a create may fail and still be retried: an item is in the way, or the expired item it was
    // replacing has been rewritten or deleted meanwhile.
    private static HttpStatusCode[] CreateFailures(string? expiredETag) =>
        expiredETag is null ? [HttpStatusCode.Conflict] : [HttpStatusCode.PreconditionFailed, HttpStatusCode.NotFound];

    private static StoredDocument Stored(NewDocument document, string cosmosETag, long? expiresAt) =>
        new(document.Key, document.Kind, document.Body.Clone(), StoreETag.Compose(cosmosETag, expiresAt));

    // Writes need only the new ETag, which comes in a header; not echoing the item saves bandwidth.
    private static ItemRequestOptions WriteOptions() => new() { EnableContentResponseOnWrite = false };

    private static PartitionKey PartitionKeyOf(DocumentKey key) => new(CosmosKeys.Encode(key.PartitionKey));

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
