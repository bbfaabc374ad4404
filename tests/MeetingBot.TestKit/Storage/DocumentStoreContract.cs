using System.Text.Json;
using MeetingBot.Storage;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.TestKit.Storage;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> must show. A store's test class derives from
/// this and supplies <see cref="CreateStoreAsync"/>; the derived class owns the store's lifetime.
/// Every test writes to its own partitions, so a store shared between tests (one Cosmos container)
/// is fine.
/// </summary>
public abstract partial class DocumentStoreContract
{
    private const string Kind = "note";
    private readonly string _partition = $"contract-{Guid.NewGuid():N}";

    /// <summary>The clock handed to the store; tests move it with <see cref="AdvanceTimeAsync"/>.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Creates the store under test, using <paramref name="time"/> for time to live.</summary>
    protected abstract Task<IDocumentStore> CreateStoreAsync(TimeProvider time);

    /// <summary>
    /// Lets time pass for the store. A store whose clock cannot be faked (a server's) overrides this.
    /// </summary>
    protected virtual Task AdvanceTimeAsync(TimeSpan by)
    {
        Time.Advance(by);
        return Task.CompletedTask;
    }

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Read_of_a_missing_document_returns_null()
    {
        var store = await CreateStoreAsync(Time);

        Assert.Null(await store.ReadAsync(Key("missing"), Ct));
    }

    [Fact]
    public async Task Create_then_read_returns_the_same_kind_body_and_etag()
    {
        var store = await CreateStoreAsync(Time);
        var body = Json("""{"title":"周会","attendees":["a","b"],"count":3,"nested":{"ok":true,"none":null},"ratio":0.25}""");

        var created = await store.CreateAsync(new NewDocument(Key("m1"), "meeting", body), Ct);
        var read = await store.ReadAsync(Key("m1"), Ct);

        Assert.Equal(Key("m1"), created.Key);
        Assert.Equal("meeting", created.Kind);
        Assert.False(string.IsNullOrEmpty(created.ETag));
        AssertJson(body, created.Body);
        Assert.NotNull(read);
        Assert.Equal(Key("m1"), read.Key);
        Assert.Equal("meeting", read.Kind);
        Assert.Equal(created.ETag, read.ETag);
        AssertJson(body, read.Body);
    }

    [Fact]
    public async Task Create_of_a_live_duplicate_throws_conflict_and_keeps_the_original()
    {
        var store = await CreateStoreAsync(Time);
        var original = await store.CreateAsync(Doc("d", 1), Ct);

        var ex = await Assert.ThrowsAsync<DocumentConflictException>(() => store.CreateAsync(Doc("d", 2), Ct));

        Assert.Equal(Key("d"), ex.Key);
        var read = await store.ReadAsync(Key("d"), Ct);
        Assert.Equal(1, ValueOf(read));
        Assert.Equal(original.ETag, read!.ETag);
    }

    [Fact]
    public async Task Replace_with_the_current_etag_replaces_and_changes_the_etag()
    {
        var store = await CreateStoreAsync(Time);
        var created = await store.CreateAsync(Doc("d", 1), Ct);

        var replaced = await store.ReplaceAsync(Doc("d", 2), created.ETag, Ct);

        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(2, ValueOf(replaced));
        var read = await store.ReadAsync(Key("d"), Ct);
        Assert.Equal(2, ValueOf(read));
        Assert.Equal(replaced.ETag, read!.ETag);
    }

    [Fact]
    public async Task Replace_with_a_stale_etag_fails_and_leaves_the_document_unchanged()
    {
        var store = await CreateStoreAsync(Time);
        var created = await store.CreateAsync(Doc("d", 1), Ct);
        var current = await store.ReplaceAsync(Doc("d", 2), created.ETag, Ct);

        var ex = await Assert.ThrowsAsync<DocumentPreconditionFailedException>(
            () => store.ReplaceAsync(Doc("d", 3), created.ETag, Ct));

        Assert.Equal(Key("d"), ex.Key);
        var read = await store.ReadAsync(Key("d"), Ct);
        Assert.Equal(2, ValueOf(read));
        Assert.Equal(current.ETag, read!.ETag);
    }

    [Fact]
    public async Task Replace_of_a_missing_or_deleted_document_fails()
    {
        var store = await CreateStoreAsync(Time);
        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(
            () => store.ReplaceAsync(Doc("never", 1), "\"no-such-etag\"", Ct));

        var created = await store.CreateAsync(Doc("gone", 1), Ct);
        await store.DeleteAsync(Key("gone"), Ct);

        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(
            () => store.ReplaceAsync(Doc("gone", 2), created.ETag, Ct));
        Assert.Null(await store.ReadAsync(Key("gone"), Ct));
    }

    [Fact]
    public async Task Upsert_creates_then_overwrites_regardless_of_etag()
    {
        var store = await CreateStoreAsync(Time);

        var first = await store.UpsertAsync(Doc("u", 1), Ct);
        Assert.Equal(1, ValueOf(await store.ReadAsync(Key("u"), Ct)));

        var second = await store.UpsertAsync(Doc("u", 2), Ct);
        Assert.NotEqual(first.ETag, second.ETag);
        var read = await store.ReadAsync(Key("u"), Ct);
        Assert.Equal(2, ValueOf(read));
        Assert.Equal(second.ETag, read!.ETag);

        // The ETag an upsert returns is the real one: it must work for a conditional replace.
        var third = await store.ReplaceAsync(Doc("u", 3), second.ETag, Ct);
        Assert.Equal(3, ValueOf(third));
    }

    [Fact]
    public async Task Delete_then_read_returns_null()
    {
        var store = await CreateStoreAsync(Time);
        await store.CreateAsync(Doc("d", 1), Ct);
        await store.CreateAsync(Doc("other", 1), Ct);

        await store.DeleteAsync(Key("d"), Ct);

        Assert.Null(await store.ReadAsync(Key("d"), Ct));
        Assert.NotNull(await store.ReadAsync(Key("other"), Ct));
    }

    [Fact]
    public async Task Delete_of_a_missing_document_is_not_an_error()
    {
        var store = await CreateStoreAsync(Time);

        await store.DeleteAsync(Key("missing"), Ct);

        Assert.Null(await store.ReadAsync(Key("missing"), Ct));
    }

    [Fact]
    public async Task Query_returns_only_the_partition_and_kind_ordered_by_id()
    {
        var store = await CreateStoreAsync(Time);
        var other = $"{_partition}-other";
        foreach (var id in new[] { "c", "a", "d", "b" })
        {
            await store.CreateAsync(Doc(id, id[0]), Ct);
        }

        await store.CreateAsync(new NewDocument(Key("e"), "task", Number(5)), Ct);
        await store.CreateAsync(new NewDocument(new DocumentKey(other, "a0"), Kind, Number(0)), Ct);
        await store.DeleteAsync(Key("d"), Ct);

        var found = await store.QueryPartitionAsync(_partition, Kind, Ct);

        Assert.Equal(["a", "b", "c"], found.Select(d => d.Key.Id));
        Assert.All(found, d => Assert.Equal(_partition, d.Key.PartitionKey));
        Assert.All(found, d => Assert.Equal(Kind, d.Kind));
        Assert.Equal(['a', 'b', 'c'], found.Select(d => (char)ValueOf(d)));
        foreach (var document in found)
        {
            Assert.Equal((await store.ReadAsync(document.Key, Ct))!.ETag, document.ETag);
        }

        Assert.Empty(await store.QueryPartitionAsync(_partition, "unknown-kind", Ct));
        Assert.Empty(await store.QueryPartitionAsync($"{_partition}-empty", Kind, Ct));
    }

    [Theory]
    [InlineData("会议:周一|早上 9点", "用户 张三:1|x")]
    [InlineData("a:b", "c|d e")]
    [InlineData(" spaced ", "|:|")]
    [InlineData("msteams:19:abc@thread.v2|conv", "29:1AbC-xyz==")]
    public async Task Keys_with_unicode_colons_pipes_and_spaces_round_trip(string partitionSuffix, string id)
    {
        var store = await CreateStoreAsync(Time);
        var key = new DocumentKey($"{_partition}{partitionSuffix}", id);

        var created = await store.CreateAsync(new NewDocument(key, Kind, Number(7)), Ct);
        var read = await store.ReadAsync(key, Ct);
        var found = await store.QueryPartitionAsync(key.PartitionKey, Kind, Ct);

        Assert.Equal(key, read?.Key);
        Assert.Equal(7, ValueOf(read));
        Assert.Equal(key, Assert.Single(found).Key);
        await store.ReplaceAsync(new NewDocument(key, Kind, Number(8)), created.ETag, Ct);
        await store.DeleteAsync(key, Ct);
        Assert.Null(await store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Keys_that_differ_only_in_where_separators_fall_do_not_collide()
    {
        var store = await CreateStoreAsync(Time);
        DocumentKey[] keys =
        [
            new($"{_partition}:a:b", "c"), new($"{_partition}:a", "b:c"),
            new($"{_partition}|a|b", "c"), new($"{_partition}|a", "b|c"),
            new($"{_partition} a", "b c"), new($"{_partition} a b", "c"),
        ];

        for (var i = 0; i < keys.Length; i++)
        {
            await store.CreateAsync(new NewDocument(keys[i], Kind, Number(i)), Ct);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, ValueOf(await store.ReadAsync(keys[i], Ct)));
        }
    }

    private DocumentKey Key(string id) => new(_partition, id);

    private NewDocument Doc(string id, int value, TimeSpan? timeToLive = null) =>
        new(Key(id), Kind, Number(value), timeToLive);

    private static JsonElement Number(int value) => JsonSerializer.SerializeToElement(new { value });

    private static int ValueOf(StoredDocument? document)
    {
        Assert.NotNull(document);
        return document.Body.GetProperty("value").GetInt32();
    }

    // The document reads back as it was stored: same value, same ETag.
    private static async Task AssertStoredAsync(IDocumentStore store, StoredDocument expected)
    {
        var read = await store.ReadAsync(expected.Key, Ct);
        Assert.Equal(ValueOf(expected), ValueOf(read));
        Assert.Equal(expected.ETag, read!.ETag);
    }

    private static JsonElement Json(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        return parsed.RootElement.Clone();
    }

    // Stores may reformat JSON (Cosmos does), so bodies compare by value, not by text.
    private static void AssertJson(JsonElement expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(expected, actual), $"Expected {expected.GetRawText()} but got {actual.GetRawText()}.");
}
