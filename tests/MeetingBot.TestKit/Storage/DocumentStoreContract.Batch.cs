using MeetingBot.Storage;
using Xunit;

namespace MeetingBot.TestKit.Storage;

// Batches: several writes of one partition as one atomic call, each with its single call's semantics.
public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task A_batch_applies_every_write_and_returns_the_documents_in_order()
    {
        var store = await CreateStoreAsync(Time);
        var state = await store.CreateAsync(Doc("state", 1), Ct);
        await store.CreateAsync(Doc("overwritten", 1), Ct);

        var written = await store.WriteBatchAsync(
            [DocumentWrite.Create(Doc("draft-000001", 10)), DocumentWrite.Replace(Doc("state", 2), state.ETag), DocumentWrite.Upsert(Doc("overwritten", 3))],
            Ct);

        Assert.Equal([Key("draft-000001"), Key("state"), Key("overwritten")], written.Select(d => d.Key));
        Assert.Equal([10, 2, 3], written.Select(ValueOf));
        Assert.All(written, d => Assert.Equal(Kind, d.Kind));
        Assert.NotEqual(state.ETag, written[1].ETag);
        foreach (var document in written)
        {
            await AssertStoredAsync(store, document);
        }
    }

    [Fact]
    public async Task The_etags_a_batch_returns_serve_the_next_replace()
    {
        var store = await CreateStoreAsync(Time);
        var first = await store.WriteBatchAsync([DocumentWrite.Create(Doc("state", 1)), DocumentWrite.Upsert(Doc("draft-000001", 1))], Ct);

        var second = await store.WriteBatchAsync(
            [DocumentWrite.Replace(Doc("state", 2), first[0].ETag), DocumentWrite.Replace(Doc("draft-000001", 2), first[1].ETag)], Ct);
        var third = await store.ReplaceAsync(Doc("state", 3), second[0].ETag, Ct);

        await AssertStoredAsync(store, third);
        await AssertStoredAsync(store, second[1]);
    }

    [Fact]
    public async Task A_failing_replace_in_the_middle_of_a_batch_writes_nothing_of_it()
    {
        var store = await CreateStoreAsync(Time);
        var stale = await store.CreateAsync(Doc("state", 1), Ct);
        var current = await store.ReplaceAsync(Doc("state", 2), stale.ETag, Ct);
        var other = await store.CreateAsync(Doc("other", 1), Ct);

        var ex = await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => store.WriteBatchAsync(
            [DocumentWrite.Create(Doc("draft-000001", 1)), DocumentWrite.Replace(Doc("state", 3), stale.ETag), DocumentWrite.Upsert(Doc("other", 2))],
            Ct));

        Assert.Equal(Key("state"), ex.Key);
        Assert.Null(await store.ReadAsync(Key("draft-000001"), Ct));
        await AssertStoredAsync(store, current);
        await AssertStoredAsync(store, other);
    }

    [Fact]
    public async Task A_batch_whose_create_meets_a_live_document_conflicts_and_writes_nothing()
    {
        var store = await CreateStoreAsync(Time);
        var existing = await store.CreateAsync(Doc("draft-000001", 1), Ct);

        var ex = await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteBatchAsync(
            [DocumentWrite.Upsert(Doc("state", 1)), DocumentWrite.Create(Doc("draft-000001", 2))], Ct));

        Assert.Equal(Key("draft-000001"), ex.Key);
        Assert.Null(await store.ReadAsync(Key("state"), Ct));
        await AssertStoredAsync(store, existing);
    }

    [Fact]
    public async Task A_create_in_a_batch_succeeds_over_an_expired_document()
    {
        var store = await CreateStoreAsync(Time);
        await store.CreateAsync(Doc("lock", 1, TimeSpan.FromMinutes(1)), Ct);
        await store.CreateAsync(Doc("other-lock", 1, TimeSpan.FromMinutes(1)), Ct);
        await AdvanceTimeAsync(TimeSpan.FromMinutes(2));

        var written = await store.WriteBatchAsync(
            [DocumentWrite.Create(Doc("lock", 2)), DocumentWrite.Upsert(Doc("state", 2)), DocumentWrite.Create(Doc("other-lock", 2))], Ct);

        await AssertStoredAsync(store, written[0]);
        await AssertStoredAsync(store, written[2]);
        // The new documents have no time to live of their own, so they must not inherit the old expiry.
        await AdvanceTimeAsync(TimeSpan.FromDays(30));
        Assert.Equal(2, ValueOf(await store.ReadAsync(Key("lock"), Ct)));
        Assert.Equal(2, ValueOf(await store.ReadAsync(Key("other-lock"), Ct)));
    }

    [Fact]
    public async Task Time_to_live_in_a_batch_counts_from_the_batch_for_each_write()
    {
        var store = await CreateStoreAsync(Time);
        var permanent = await store.CreateAsync(Doc("state", 1), Ct);

        var written = await store.WriteBatchAsync(
            [DocumentWrite.Create(Doc("short", 1, TimeSpan.FromMinutes(1))), DocumentWrite.Upsert(Doc("long", 1, TimeSpan.FromMinutes(2))), DocumentWrite.Replace(Doc("state", 2), permanent.ETag)],
            Ct);

        await AdvanceTimeAsync(TimeSpan.FromSeconds(70));
        Assert.Null(await store.ReadAsync(Key("short"), Ct));
        Assert.Equal(1, ValueOf(await store.ReadAsync(Key("long"), Ct)));
        // The version of "short" that the batch returned has expired, so a batch naming it must fail.
        var ex = await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => store.WriteBatchAsync(
            [DocumentWrite.Upsert(Doc("long", 2, TimeSpan.FromMinutes(2))), DocumentWrite.Replace(Doc("short", 2), written[0].ETag)], Ct));
        Assert.Equal(Key("short"), ex.Key);
        Assert.Equal(1, ValueOf(await store.ReadAsync(Key("long"), Ct)));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(60));
        Assert.Null(await store.ReadAsync(Key("long"), Ct));
        Assert.Equal(2, ValueOf(await store.ReadAsync(Key("state"), Ct)));
    }

    [Fact]
    public async Task A_batch_spanning_two_partitions_is_refused()
    {
        var store = await CreateStoreAsync(Time);
        var elsewhere = new NewDocument(new DocumentKey($"{_partition}-other", "state"), Kind, Number(1));

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBatchAsync([DocumentWrite.Upsert(Doc("state", 1)), DocumentWrite.Upsert(elsewhere)], Ct));

        Assert.Null(await store.ReadAsync(Key("state"), Ct));
        Assert.Null(await store.ReadAsync(elsewhere.Key, Ct));
    }

    [Fact]
    public async Task A_batch_holds_at_most_100_writes()
    {
        var store = await CreateStoreAsync(Time);
        var writes = Enumerable.Range(0, DocumentWrite.MaxPerBatch + 1).Select(i => DocumentWrite.Upsert(Doc($"d{i:D3}", i))).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBatchAsync(writes, Ct));
        Assert.Empty(await store.QueryPartitionAsync(_partition, Kind, Ct));

        var written = await store.WriteBatchAsync(writes[..DocumentWrite.MaxPerBatch], Ct);
        Assert.Equal(100, written.Count);
        Assert.Equal(100, (await store.QueryPartitionAsync(_partition, Kind, Ct)).Count);
    }

    [Fact]
    public async Task Batches_that_are_empty_name_a_document_twice_or_replace_without_an_etag_are_refused()
    {
        var store = await CreateStoreAsync(Time);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBatchAsync([], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBatchAsync([DocumentWrite.Upsert(Doc("d", 1)), DocumentWrite.Upsert(Doc("d", 2))], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBatchAsync([new DocumentWrite(DocumentWriteKind.Replace, Doc("d", 1))], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBatchAsync([new DocumentWrite(DocumentWriteKind.Upsert, Doc("d", 1), "\"etag\"")], Ct));
        Assert.Null(await store.ReadAsync(Key("d"), Ct));
    }

    [Fact]
    public async Task A_batch_with_a_cancelled_token_writes_nothing()
    {
        var store = await CreateStoreAsync(Time);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteBatchAsync([DocumentWrite.Upsert(Doc("d", 1))], cancelled.Token));

        Assert.Null(await store.ReadAsync(Key("d"), Ct));
    }

    [Fact]
    public async Task Parallel_batches_replacing_the_same_etag_let_exactly_one_win()
    {
        const int Contenders = 8;
        var store = await CreateStoreAsync(Time);
        var state = await store.CreateAsync(Doc("state", -1), Ct);

        // Each contender is a turn: it writes its own draft and the conversation state it read.
        var results = await ContendAsync(Contenders, i => store.WriteBatchAsync(
            [DocumentWrite.Create(Doc($"draft-{i}", i)), DocumentWrite.Replace(Doc("state", i), state.ETag)], Ct));

        var winner = Assert.Single(results, r => r is not null)!;
        await AssertStoredAsync(store, winner[1]);
        var drafts = (await store.QueryPartitionAsync(_partition, Kind, Ct)).Where(d => d.Key.Id.StartsWith("draft-", StringComparison.Ordinal));
        Assert.Equal([ValueOf(winner[0])], drafts.Select(ValueOf));
    }
}
