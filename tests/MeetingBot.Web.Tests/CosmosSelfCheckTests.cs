using System.Diagnostics.Metrics;
using System.Text.Json;
using MeetingBot.Conversations;
using MeetingBot.Storage;
using MeetingBot.Storage.Cosmos;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Cosmos;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Web.Tests;

/// <summary>
/// The real host with Storage:Provider=Cosmos against cosmosdb-server: the full self-check over
/// /api/messages, read back from the server afterwards, with the Cosmos DB calls of every turn
/// counted from the request charge metric.
/// </summary>
public sealed class CosmosSelfCheckTests(CosmosDbServer cosmos, ITestOutputHelper output) : IClassFixture<CosmosDbServer>, IDisposable
{
    private const string Database = "selfcheck";
    private readonly TempFolder _folder = new();

    // The test's own client, as a second process would have: what it reads is on the server.
    private readonly CosmosClient _client = new(cosmos.Endpoint.ToString(), CosmosDbServer.Key, new CosmosClientOptions
    {
        ConnectionMode = ConnectionMode.Gateway,
        LimitToEndpoint = true,
    });

    public void Dispose()
    {
        _client.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_complete_self_check_is_stored_in_cosmos_at_one_read_and_one_write_a_turn()
    {
        // The reminder scheduler's look at the meetings would count among the first turn's calls.
        await using var bot = await RunningBot.StartAsync(_folder.File("unused.db"), [.. cosmos.Arguments(Database), "--Reminders:Enabled=false"]);
        Assert.IsType<CosmosDocumentStore>(bot.Services.GetRequiredService<IDocumentStore>());
        var calls = new List<string>();
        var itemSizes = new List<(string Operation, long Bytes)>();
        using var listener = ListenToCharges(bot.Services.GetRequiredService<IMeterFactory>(), calls, itemSizes);
        var answers = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Conversations.Tests", "Golden", "full.answers.txt")).Where(l => l.Length > 0);

        var turns = new List<string[]>();
        string[] replies = [];
        foreach (var answer in answers.Append("提交"))
        {
            var before = Snapshot(calls).Length;
            replies = await bot.Http.ExchangeAsync(Activities.Message(answer, "cosmos-full", $"c{turns.Count + 1}"));
            turns.Add(Snapshot(calls)[before..]);
        }

        Assert.Contains("已提交", replies[^1], StringComparison.Ordinal);
        // One point read of the conversation and one write: the state alone (create on the first
        // turn), or, when the turn rendered a changed draft, one batch of the state and the new
        // version; never a query. The first turn also reads the user's meetings (none here).
        Assert.Equal(["read", "read", "write"], turns[0].Select(c => c == "read" ? c : "write"));
        Assert.All(turns.Skip(1), t => Assert.Equal(["read", "write"], t.Select(c => c == "read" ? c : "write")));
        Assert.Contains(turns, t => t.Contains("batch"));
        Assert.DoesNotContain(turns.SelectMany(t => t), c => c is "query" or "delete" or "upsert");
        // What a real account charges for: the size of every item written, one per single write and
        // one per operation of a batch, and of every item found by a read.
        var all = turns.SelectMany(t => t).ToArray();
        var sizes = Snapshot(itemSizes);
        Assert.Equal(all.Count(c => c is "create" or "replace"), sizes.Count(s => s.Operation is "create" or "replace"));
        Assert.True(sizes.Count(s => s.Operation == "batch") >= 2 * all.Count(c => c == "batch"));
        Assert.InRange(sizes.Count(s => s.Operation == "read"), turns.Count - 1, all.Count(c => c == "read"));
        Assert.All(sizes, s => Assert.InRange(s.Bytes, 100, 2 * 1024 * 1024));
        output.WriteLine($"{turns.Count} turns, {turns.Sum(t => t.Length)} Cosmos DB calls: " +
            string.Join(", ", turns.SelectMany(t => t).GroupBy(c => c).Select(g => $"{g.Count()} {g.Key}")));

        await AssertReadBackAsync("cosmos-full", replies[^1]);
    }

    [Fact]
    public async Task Two_turns_of_one_conversation_at_once_are_both_kept()
    {
        await using var bot = await RunningBot.StartAsync(_folder.File("unused.db"), cosmos.Arguments(Database));
        await bot.Http.ExchangeAsync(Activities.Message("组织生活会", "cosmos-parallel", "p0"));
        var calls = new List<string>();
        using var listener = ListenToCharges(bot.Services.GetRequiredService<IMeterFactory>(), calls, []);

        await Task.WhenAll(
            bot.Http.ExchangeAsync(Activities.Message("市交通运输局", "cosmos-parallel", "p1")),
            bot.Http.ExchangeAsync(Activities.Message("张明", "cosmos-parallel", "p2")));

        var state = ConversationRecord.FromJson((await StoreOnServer().ReadAsync(ConversationKeys.State("test", "cosmos-parallel"), CancellationToken.None))!.Body);
        Assert.Equal(["p0", "p1", "p2"], state.RecentActivityIds.Order(StringComparer.Ordinal));
        Assert.Contains("unit", state.Dialog.Answers.Keys);
        output.WriteLine($"Cosmos DB calls of the two turns: {string.Join(", ", Snapshot(calls))}");
    }

    private async Task AssertReadBackAsync(string conversationId, string submittedReply)
    {
        var store = StoreOnServer();
        var key = ConversationKeys.State("test", conversationId);
        var stored = await store.ReadAsync(key, CancellationToken.None);
        Assert.NotNull(stored);
        var record = ConversationRecord.FromJson(stored.Body);
        Assert.True(record.Dialog.Submitted);
        Assert.Equal(conversationId, record.ConversationId);

        var latest = await store.ReadAsync(key with { Id = DraftVersion.IdOf(record.DraftVersions) }, CancellationToken.None);
        var draft = DraftVersion.FromJson(latest!.Body);
        Assert.True(draft.Submitted);
        Assert.Contains("陈立新", draft.Text, StringComparison.Ordinal);
        Assert.Contains("已提交", submittedReply, StringComparison.Ordinal);

        // Every version, by the one single-partition query a secretary's aggregation would use.
        var versions = await store.QueryPartitionAsync(key.PartitionKey, DraftVersion.Kind, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, record.DraftVersions).Select(DraftVersion.IdOf), versions.Select(v => v.Key.Id));

        // And the raw items: the documented partition key and ids, straight from the server. Their
        // sizes are what a real account's request charges grow with.
        using var state = await ReadRawAsync(key.PartitionKey, "state");
        Assert.Equal(key.PartitionKey, state.Item.RootElement.GetProperty("pk").GetString());
        Assert.Equal("conversation", state.Item.RootElement.GetProperty("kind").GetString());
        using var version = await ReadRawAsync(key.PartitionKey, DraftVersion.IdOf(record.DraftVersions));
        output.WriteLine($"Items: conversation {state.Size} bytes, latest draft version {version.Size} bytes.");
    }

    private async Task<RawItem> ReadRawAsync(string partitionKey, string id)
    {
        using var response = await _client.GetContainer(Database, "documents").ReadItemStreamAsync(id, new PartitionKey(partitionKey));
        response.EnsureSuccessStatusCode();
        using var buffer = new MemoryStream();
        await response.Content.CopyToAsync(buffer);
        return new RawItem(JsonDocument.Parse(buffer.ToArray()), buffer.Length);
    }

    private sealed record RawItem(JsonDocument Item, long Size) : IDisposable
    {
        public void Dispose() => Item.Dispose();
    }

    private CosmosDocumentStore StoreOnServer() => new(_client.GetContainer(Database, "documents"), TimeProvider.System);

    private static T[] Snapshot<T>(List<T> measured)
    {
        lock (measured)
        {
            return [.. measured];
        }
    }

    // Only this bot's meter: other hosts in this test run record on meters of their own.
    private static MeterListener ListenToCharges(IMeterFactory factory, List<string> calls, List<(string Operation, long Bytes)> itemSizes)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name is CosmosRequestCharges.InstrumentName or CosmosRequestCharges.ItemSizeInstrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var operation = (string)Tag(tags, "operation")!;
            var status = (int?)Tag(tags, "status_code");
            lock (calls)
            {
                // Failed preconditions and conflicts are told apart; a 404 read is still a read.
                calls.Add(status is 409 or 412 ? $"{operation} {status}" : operation);
            }
        });
        listener.SetMeasurementEventCallback<long>((_, bytes, tags, _) =>
        {
            var operation = (string)Tag(tags, "operation")!;
            lock (itemSizes)
            {
                itemSizes.Add((operation, bytes));
            }
        });
        listener.Start();
        return listener;
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
