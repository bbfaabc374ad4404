using System.Net;
using Microsoft.Azure.Cosmos;

namespace MeetingBot.Storage.Cosmos;

// A batch is one transactional batch of the partition: Cosmos DB runs its operations in order and
// keeps all of them or none. A failed one answers with the failed operation's status and 424
// (Failed Dependency) for every other, so the store can throw exactly what that write's single call
// would have, knowing that nothing was written.
public sealed partial class CosmosDocumentStore
{
    public async Task<IReadOnlyList<StoredDocument>> WriteBatchAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        DocumentValidation.ValidateBatch(writes);
        if (writes is [var only])
        {
            // A batch of one is the point write itself: the cheaper, plainer request.
            return [await WriteOneAsync(only, cancellationToken)];
        }

        // The Cosmos ETag each operation must match: a replace's own, or, for a create that met an
        // expired item, that item's (the create then replaces it, as the single create does).
        var ifMatch = writes.Select(write => write.IfMatch is { } etag ? CosmosETagOfLiveVersion(write.Document, etag) : null).ToArray();
        var envelopes = writes.Select(write => Envelope(write.Document)).ToArray();
        var rounds = new int[writes.Count];
        while (true)
        {
            using var response = await ExecuteBatchAsync(writes, envelopes, ifMatch, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                foreach (var (content, _) in envelopes)
                {
                    _charges.RecordItem("batch", content.Length);
                }

                return writes.Select((write, i) => Stored(write.Document, response[i].ETag, envelopes[i].ExpiresAt)).ToArray();
            }

            var failed = FailedOperation(response);
            var status = response[failed].StatusCode;
            switch (writes[failed].Kind)
            {
                case DocumentWriteKind.Replace:
                    EnsureExpected(response, status, HttpStatusCode.PreconditionFailed, HttpStatusCode.NotFound);
                    throw PreconditionFailed(writes[failed].Document);
                case DocumentWriteKind.Create:
                    // Look at the item in the way, and send the batch again: nothing of it was written.
                    EnsureExpected(response, status, CreateFailures(ifMatch[failed]));
                    ifMatch[failed] = await ExpiredItemInTheWayAsync(writes[failed].Document, ++rounds[failed], cancellationToken);
                    break;
                default:
                    // An upsert has no condition that could fail.
                    throw Refused(response, status);
            }
        }
    }

    private Task<TransactionalBatchResponse> ExecuteBatchAsync(
        IReadOnlyList<DocumentWrite> writes, (byte[] Content, long? ExpiresAt)[] envelopes, string?[] ifMatch, CancellationToken cancellationToken)
    {
        var batch = _container.CreateTransactionalBatch(PartitionKeyOf(writes[0].Document.Key));
        for (var i = 0; i < writes.Count; i++)
        {
            var key = writes[i].Document.Key;
            Log.OperationKey(_logger, "batch", key.PartitionKey, key.Id);
            // As for single writes, only the new ETag is needed, and it comes without the item.
            var options = new TransactionalBatchItemRequestOptions { EnableContentResponseOnWrite = false, IfMatchEtag = ifMatch[i] };
            batch = ifMatch[i] is not null
                ? batch.ReplaceItemStream(CosmosKeys.Encode(key.Id), new MemoryStream(envelopes[i].Content), options)
                : writes[i].Kind == DocumentWriteKind.Upsert
                    ? batch.UpsertItemStream(new MemoryStream(envelopes[i].Content), options)
                    : batch.CreateItemStream(new MemoryStream(envelopes[i].Content), options);
        }

        return SendAsync(() => batch.ExecuteAsync(cancellationToken), cancellationToken);
    }

    // The operation that failed the batch: the one result that is not 424.
    private static int FailedOperation(TransactionalBatchResponse response)
    {
        var failed = 0;
        while (failed < response.Count - 1 && response[failed].StatusCode == HttpStatusCode.FailedDependency)
        {
            failed++;
        }

        return failed;
    }

    private Task<StoredDocument> WriteOneAsync(DocumentWrite write, CancellationToken cancellationToken) => write.Kind switch
    {
        DocumentWriteKind.Create => CreateAsync(write.Document, cancellationToken),
        DocumentWriteKind.Replace => ReplaceAsync(write.Document, write.IfMatch!, cancellationToken),
        _ => UpsertAsync(write.Document, cancellationToken),
    };
}
