using MeetingBot.Storage;
using Xunit;

namespace MeetingBot.TestKit.Storage;

// Concurrency: ETags must serialise competing writers, whatever the interleaving.
public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task Parallel_replaces_from_the_same_etag_let_exactly_one_win()
    {
        const int Contenders = 16;
        var store = await CreateStoreAsync(Time);
        var created = await store.CreateAsync(Doc("race", -1), Ct);

        var results = await ContendAsync(Contenders, i => store.ReplaceAsync(Doc("race", i), created.ETag, Ct));

        var winner = Assert.Single(results, r => r is not null)!;
        var read = await store.ReadAsync(Key("race"), Ct);
        Assert.Equal(ValueOf(winner), ValueOf(read));
        Assert.Equal(winner.ETag, read!.ETag);
    }

    [Fact]
    public async Task Parallel_read_modify_write_with_retry_keeps_every_increment()
    {
        const int Workers = 10;
        const int IncrementsPerWorker = 2;
        const int MaxAttempts = 1_000;
        var store = await CreateStoreAsync(Time);
        await store.CreateAsync(Doc("counter", 0), Ct);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task IncrementAsync()
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var current = await store.ReadAsync(Key("counter"), Ct) ?? throw new InvalidOperationException("The counter vanished.");
                // Let the other workers run between the read and the write, as real callers do work
                // there; without this window a store that ignored the ETag could still pass.
                await Task.Yield();
                try
                {
                    await store.ReplaceAsync(Doc("counter", ValueOf(current) + 1), current.ETag, Ct);
                    return;
                }
                catch (DocumentPreconditionFailedException)
                {
                    // Someone else won this round; read again and retry, as callers are meant to.
                }
            }

            throw new InvalidOperationException($"No increment succeeded in {MaxAttempts} attempts.");
        }

        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < IncrementsPerWorker; i++)
            {
                await IncrementAsync();
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(workers);

        Assert.Equal(Workers * IncrementsPerWorker, ValueOf(await store.ReadAsync(Key("counter"), Ct)));
    }

    // Starts every contender at once; each ends with its result, or null when its precondition failed.
    private static async Task<T?[]> ContendAsync<T>(int contenders, Func<int, Task<T>> attempt)
        where T : class
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, contenders).Select(i => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                return await attempt(i);
            }
            catch (DocumentPreconditionFailedException)
            {
                return null;
            }
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(attempts);
    }

    [Fact]
    public async Task A_cancelled_token_cancels_the_call()
    {
        var store = await CreateStoreAsync(Time);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReadAsync(Key("x"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UpsertAsync(Doc("x", 1), cancelled.Token));
        Assert.Null(await store.ReadAsync(Key("x"), Ct));
    }
}
