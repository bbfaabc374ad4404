using MeetingBot.Storage;

namespace MeetingBot.TestKit.Storage;

/// <summary>
/// The real store with a hook before every write (and one before every read), for tests that make
/// calls fail or wait the way a throttled or slow store would.
/// </summary>
public abstract class StoreDecorator(IDocumentStore inner) : IDocumentStore
{
    public async Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        await BeforeReadAsync(cancellationToken);
        return await inner.ReadAsync(key, cancellationToken);
    }

    public async Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken)
    {
        await BeforeWriteAsync(cancellationToken);
        return await inner.CreateAsync(document, cancellationToken);
    }

    public async Task<StoredDocument> ReplaceAsync(NewDocument document, string ifMatch, CancellationToken cancellationToken)
    {
        await BeforeWriteAsync(cancellationToken);
        return await inner.ReplaceAsync(document, ifMatch, cancellationToken);
    }

    public async Task<StoredDocument> UpsertAsync(NewDocument document, CancellationToken cancellationToken)
    {
        await BeforeWriteAsync(cancellationToken);
        return await inner.UpsertAsync(document, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredDocument>> WriteBatchAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        await BeforeWriteAsync(cancellationToken);
        return await inner.WriteBatchAsync(writes, cancellationToken);
    }

    public async Task DeleteAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        await BeforeWriteAsync(cancellationToken);
        await inner.DeleteAsync(key, cancellationToken);
    }

    public Task<IReadOnlyList<StoredDocument>> QueryPartitionAsync(string partitionKey, string kind, CancellationToken cancellationToken) =>
        inner.QueryPartitionAsync(partitionKey, kind, cancellationToken);

    /// <summary>Runs before each write; throw to fail it, await to delay it.</summary>
    protected abstract Task BeforeWriteAsync(CancellationToken cancellationToken);

    /// <summary>Runs before each point read; reads pass unless a test says otherwise.</summary>
    protected virtual Task BeforeReadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The real store whose every call fails as an unreachable store's does while <see cref="Failing"/> is set.</summary>
public sealed class FailingStore(IDocumentStore inner) : StoreDecorator(inner)
{
    public bool Failing { get; set; }

    protected override Task BeforeWriteAsync(CancellationToken cancellationToken) => Check();

    protected override Task BeforeReadAsync(CancellationToken cancellationToken) => Check();

    private Task Check() =>
        Failing ? Task.FromException(new StoreUnavailableException("unreachable", TimeSpan.FromSeconds(1))) : Task.CompletedTask;
}

/// <summary>Writes that wait, while <see cref="Hold"/> is set, until <see cref="Release"/> (or the caller's cancellation).</summary>
public sealed class SlowWrites(IDocumentStore inner) : StoreDecorator(inner)
{
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Hold { get; set; }

    /// <summary>Completed when a held write has begun waiting.</summary>
    public TaskCompletionSource Waiting { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release()
    {
        Hold = false;
        _release.TrySetResult();
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    protected override async Task BeforeWriteAsync(CancellationToken cancellationToken)
    {
        if (Hold)
        {
            var release = _release.Task;
            Waiting.TrySetResult();
            await release.WaitAsync(cancellationToken);
        }
    }
}
