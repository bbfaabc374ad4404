using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using MeetingBot.TestKit.Storage;
using Microsoft.Azure.Cosmos;
using Xunit;

namespace MeetingBot.Storage.Cosmos.Tests;

/// <summary>The store contract against a real Cosmos-compatible server, plus what only Cosmos has.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosDocumentStoreTests(CosmosServerFixture cosmos) : DocumentStoreContract
{
    private static CancellationToken Ct => CancellationToken.None;

    protected override Task<IDocumentStore> CreateStoreAsync(TimeProvider time) =>
        Task.FromResult<IDocumentStore>(new CosmosDocumentStore(cosmos.Container, time));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Items_carry_the_encoded_keys_the_original_keys_and_the_time_to_live(bool inOneBatch)
    {
        var store = new CosmosDocumentStore(cosmos.Container, Time);
        var transient = new DocumentKey($"shape-{Guid.NewGuid():N} 会议", "lock:1");
        var permanent = transient with { Id = "state" };
        NewDocument[] documents = [new(transient, "lock", Number(1), TimeSpan.FromSeconds(90.5)), new(permanent, "conversation", Number(2))];
        if (inOneBatch)
        {
            await store.WriteBatchAsync(documents.Select(DocumentWrite.Create).ToArray(), Ct);
        }
        else
        {
            foreach (var document in documents)
            {
                await store.CreateAsync(document, Ct);
            }
        }

        using var raw = await ReadRawAsync(transient);
        var item = raw.RootElement;
        Assert.Equal("lock~003A1", item.GetProperty("id").GetString());
        Assert.Equal(transient.PartitionKey.Replace(" 会议", "~0020~4F1A~8BAE", StringComparison.Ordinal), item.GetProperty("pk").GetString());
        Assert.Equal(transient.PartitionKey, item.GetProperty("key").GetProperty("partitionKey").GetString());
        Assert.Equal("lock:1", item.GetProperty("key").GetProperty("id").GetString());
        Assert.Equal("lock", item.GetProperty("kind").GetString());
        Assert.Equal(1, item.GetProperty("body").GetProperty("value").GetInt32());
        // Seconds rounded up, so the server never deletes what the store still reports as live.
        Assert.Equal(91, item.GetProperty("ttl").GetInt32());
        Assert.Equal(Time.GetUtcNow().AddSeconds(90.5).ToUnixTimeMilliseconds(), item.GetProperty("expiresAt").GetInt64());

        using var rawPermanent = await ReadRawAsync(permanent);
        Assert.Equal("state", rawPermanent.RootElement.GetProperty("id").GetString());
        Assert.False(rawPermanent.RootElement.TryGetProperty("ttl", out _));
        Assert.False(rawPermanent.RootElement.TryGetProperty("expiresAt", out _));
    }

    [Fact]
    public async Task Every_call_records_its_request_charge_by_operation()
    {
        using var meters = new ServiceMeters();
        var recorded = new List<(string Operation, int Status, double Charge)>();
        using var listener = ListenTo(meters.Factory, (operation, status, charge) => recorded.Add((operation, status, charge)));
        var store = new CosmosDocumentStore(cosmos.Container, Time, meterFactory: meters.Factory);
        var key = new DocumentKey($"charges-{Guid.NewGuid():N}", "state");

        var draft = key with { Id = "draft-000001" };

        var created = await store.CreateAsync(new NewDocument(key, "conversation", Number(1)), Ct);
        await store.ReadAsync(key, Ct);
        var replaced = await store.ReplaceAsync(new NewDocument(key, "conversation", Number(2)), created.ETag, Ct);
        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => store.ReplaceAsync(new NewDocument(key, "conversation", Number(3)), created.ETag, Ct));
        await store.UpsertAsync(new NewDocument(draft, "draft", Number(1)), Ct);
        await store.QueryPartitionAsync(key.PartitionKey, "draft", Ct);
        await store.WriteBatchAsync([DocumentWrite.Replace(new NewDocument(key, "conversation", Number(4)), replaced.ETag), DocumentWrite.Upsert(new NewDocument(draft, "draft", Number(2)))], Ct);
        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => store.WriteBatchAsync(
            [DocumentWrite.Upsert(new NewDocument(draft, "draft", Number(3))), DocumentWrite.Replace(new NewDocument(key, "conversation", Number(5)), replaced.ETag)], Ct));
        await store.DeleteAsync(key, Ct);

        // A batch is one call, and a failed one answers with the status of the operation that failed it.
        Assert.Equal(
            [("create", 201), ("read", 200), ("replace", 200), ("replace", 412), ("upsert", 201), ("query", 200), ("batch", 200), ("batch", 412), ("delete", 204)],
            recorded.Select(r => (r.Operation, r.Status)));
        // cosmosdb-server charges a nominal 1 RU for everything; real Cosmos DB reports real charges.
        Assert.All(recorded, r => Assert.True(r.Charge > 0));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    [InlineData(HttpStatusCode.RequestTimeout, false)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    public async Task A_request_the_service_cannot_serve_becomes_store_unavailable_and_writes_nothing(HttpStatusCode status, bool inOneBatch)
    {
        var store = new CosmosDocumentStore(cosmos.Container, Time);
        var key = new DocumentKey($"unavailable-{Guid.NewGuid():N}", "state");
        var created = await store.CreateAsync(new NewDocument(key, "conversation", Number(1)), Ct);
        using var refusing = new CosmosClient(cosmos.Server.Endpoint.ToString(), TestKit.Cosmos.CosmosDbServer.Key, new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            CustomHandlers = { new AnswerWritesWith(status) },
        });
        var throttled = new CosmosDocumentStore(refusing.GetContainer(cosmos.Container.Database.Id, cosmos.Container.Id), Time);
        var replacement = new NewDocument(key, "conversation", Number(2));
        var draft = new NewDocument(key with { Id = "draft-000001" }, "draft", Number(1));

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => inOneBatch
            ? (Task)throttled.WriteBatchAsync([DocumentWrite.Replace(replacement, created.ETag), DocumentWrite.Create(draft)], Ct)
            : throttled.ReplaceAsync(replacement, created.ETag, Ct));

        if (status == HttpStatusCode.TooManyRequests)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(1500), ex.RetryAfter);
        }

        var read = await store.ReadAsync(key, Ct);
        Assert.Equal(1, read!.Body.GetProperty("value").GetInt32());
        Assert.Equal(created.ETag, read.ETag);
        Assert.Null(await store.ReadAsync(draft.Key, Ct));
    }

    private async Task<JsonDocument> ReadRawAsync(DocumentKey key)
    {
        using var response = await cosmos.Container.ReadItemStreamAsync(CosmosKeys.Encode(key.Id), new PartitionKey(CosmosKeys.Encode(key.PartitionKey)));
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(response.Content);
    }

    internal static MeterListener ListenTo(IMeterFactory factory, Action<string, int, double> record)
    {
        var listener = new MeterListener
        {
            // Only this factory's meter: other tests record on their own meters at the same time.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == CosmosRequestCharges.InstrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, charge, tags, _) =>
        {
            string? operation = null;
            var status = 0;
            foreach (var tag in tags)
            {
                if (tag.Key == "operation")
                {
                    operation = (string?)tag.Value;
                }
                else if (tag.Key == "status_code")
                {
                    status = (int)tag.Value!;
                }
            }

            lock (listener)
            {
                record(operation!, status, charge);
            }
        });
        listener.Start();
        return listener;
    }

    private static JsonElement Number(int value) => JsonSerializer.SerializeToElement(new { value });

    // Stands in for the service at the point where the SDK hands the answer back, after its own
    // retries: what the store sees once the SDK has given up.
    private sealed class AnswerWritesWith(HttpStatusCode status) : RequestHandler
    {
        public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var response = new ResponseMessage(status, request, "refused by the test");
            response.Headers["x-ms-retry-after-ms"] = "1500";
            return response;
        }
    }
}
