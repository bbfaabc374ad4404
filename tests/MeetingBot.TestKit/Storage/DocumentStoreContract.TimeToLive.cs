using MeetingBot.Storage;
using Xunit;

namespace MeetingBot.TestKit.Storage;

// Time to live: expired documents behave as if deleted, and expiry counts from the last write.
public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task A_document_with_time_to_live_is_readable_until_it_expires()
    {
        var store = await CreateStoreAsync(Time);
        var created = await store.CreateAsync(Doc("t", 1, TimeSpan.FromMinutes(1)), Ct);

        await AdvanceTimeAsync(TimeSpan.FromSeconds(50));
        Assert.Equal(1, ValueOf(await store.ReadAsync(Key("t"), Ct)));
        Assert.Single(await store.QueryPartitionAsync(_partition, Kind, Ct));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(20));
        Assert.Null(await store.ReadAsync(Key("t"), Ct));
        Assert.Empty(await store.QueryPartitionAsync(_partition, Kind, Ct));
        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(
            () => store.ReplaceAsync(Doc("t", 2), created.ETag, Ct));
    }

    [Fact]
    public async Task Create_over_an_expired_document_succeeds()
    {
        var store = await CreateStoreAsync(Time);
        await store.CreateAsync(Doc("t", 1, TimeSpan.FromMinutes(1)), Ct);
        await AdvanceTimeAsync(TimeSpan.FromMinutes(2));

        var recreated = await store.CreateAsync(Doc("t", 2), Ct);

        var read = await store.ReadAsync(Key("t"), Ct);
        Assert.Equal(2, ValueOf(read));
        Assert.Equal(recreated.ETag, read!.ETag);
        // The new document has no time to live of its own, so it must not inherit the old expiry.
        await AdvanceTimeAsync(TimeSpan.FromDays(30));
        Assert.Equal(2, ValueOf(await store.ReadAsync(Key("t"), Ct)));
    }

    [Fact]
    public async Task Time_to_live_counts_from_the_last_write()
    {
        var store = await CreateStoreAsync(Time);
        var created = await store.CreateAsync(Doc("t", 1, TimeSpan.FromMinutes(1)), Ct);
        await AdvanceTimeAsync(TimeSpan.FromSeconds(45));
        await store.ReplaceAsync(Doc("t", 2, TimeSpan.FromMinutes(1)), created.ETag, Ct);

        await AdvanceTimeAsync(TimeSpan.FromSeconds(45));
        Assert.Equal(2, ValueOf(await store.ReadAsync(Key("t"), Ct)));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(20));
        Assert.Null(await store.ReadAsync(Key("t"), Ct));
    }

    [Fact]
    public async Task A_write_without_time_to_live_makes_the_document_permanent()
    {
        var store = await CreateStoreAsync(Time);
        await store.CreateAsync(Doc("t", 1, TimeSpan.FromMinutes(1)), Ct);

        await store.UpsertAsync(Doc("t", 2), Ct);
        await AdvanceTimeAsync(TimeSpan.FromDays(1));

        Assert.Equal(2, ValueOf(await store.ReadAsync(Key("t"), Ct)));
    }
}
