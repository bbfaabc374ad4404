namespace MeetingBot.Storage;

public enum DocumentWriteKind { Create, Replace, Upsert }

public sealed record DocumentWrite(DocumentWriteKind Kind, NewDocument Document, string? IfMatch = null);

public static class TemporaryBatch
{
    public static async Task WriteBatchAsync(this IDocumentStore store, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var write in writes)
        {
            _ = write.Kind switch
            {
                DocumentWriteKind.Create => await store.CreateAsync(write.Document, cancellationToken),
                DocumentWriteKind.Replace => await store.ReplaceAsync(write.Document, write.IfMatch!, cancellationToken),
                _ => await store.UpsertAsync(write.Document, cancellationToken),
            };
        }
    }
}
