using MeetingBot.Storage;
using MeetingBot.TestKit.Conversations;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>When the store gives up (throttled, unreachable), the user is asked to try again and nothing is half-kept.</summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task A_failed_write_asks_the_user_to_retry_and_the_retry_is_kept()
    {
        var failing = (FailingWrites?)null;
        using var bot = new ConversationDriver(wrapStore: store => failing = new FailingWrites(store));
        await bot.SendAllAsync(["1", "张明"]);

        failing!.Failing = true;
        await bot.SendAsync("市交通运输局");
        Assert.Contains("稍后再试", bot.Last.Text, StringComparison.Ordinal);
        Assert.False((await bot.StateAsync()).Answers.ContainsKey("unit"));

        failing.Failing = false;
        await bot.ExpectAsync("市交通运输局", "现任什么职务");
        Assert.Equal("市交通运输局", (await bot.StateAsync()).Answers["unit"].Text);
    }

    /// <summary>The real store, whose writes fail as a throttled Cosmos account's do while <see cref="Failing"/> is set.</summary>
    private sealed class FailingWrites(IDocumentStore inner) : IDocumentStore
    {
        public bool Failing { get; set; }

        public Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken) =>
            Failing ? throw Unavailable() : inner.CreateAsync(document, cancellationToken);

        public Task<StoredDocument> ReplaceAsync(NewDocument document, string ifMatch, CancellationToken cancellationToken) =>
            Failing ? throw Unavailable() : inner.ReplaceAsync(document, ifMatch, cancellationToken);

        public Task<StoredDocument> UpsertAsync(NewDocument document, CancellationToken cancellationToken) =>
            Failing ? throw Unavailable() : inner.UpsertAsync(document, cancellationToken);

        public Task<IReadOnlyList<StoredDocument>> WriteBatchAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken) =>
            Failing ? throw Unavailable() : inner.WriteBatchAsync(writes, cancellationToken);

        public Task DeleteAsync(DocumentKey key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<IReadOnlyList<StoredDocument>> QueryPartitionAsync(string partitionKey, string kind, CancellationToken cancellationToken) =>
            inner.QueryPartitionAsync(partitionKey, kind, cancellationToken);

        private static StoreUnavailableException Unavailable() => new("throttled", TimeSpan.FromSeconds(1));
    }
}
