using MeetingBot.Conversations.Outbound;
using MeetingBot.Conversations.Reminders;
using MeetingBot.Meetings.Storage;
using MeetingBot.Storage;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Cosmos;
using MeetingBot.TestKit.Hosting;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Two running hosts on one store (the embedded file, or Cosmos DB on cosmosdb-server), their clock
/// standing still at 10:00 on a working day: a secretary's 提醒 reaches each member who has not
/// submitted once through the Connector (a stand-in; no MicrosoftAppId, so without a token, as the
/// Emulator expects), however the hosts' passes overlap; and a host that dies between claiming a
/// reminder and sending it leaves it to the other once the claim's lease has run out.
/// </summary>
public sealed class ReminderInstancesTests(CosmosDbServer cosmos) : IClassFixture<CosmosDbServer>, IDisposable
{
    private const string Secretary = "test:sec-1";
    private readonly TempFolder _folder = new();
    private readonly TimerWatchingTimeProvider _time = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("embedded")]
    [InlineData("cosmos")]
    public async Task Each_reminder_goes_out_once_however_the_passes_of_two_hosts_overlap(string store)
    {
        var settings = Settings(store, "reminders-twice");
        await using var connector = await StandInConnector.StartAsync();
        await using var first = await StartAsync(settings);
        await using var second = await StartAsync(settings);
        var chat = await PrepareAsync(first, second, connector);

        var reply = await chat.SayAsync(Secretary, MeetingScenario.SecretaryName, "提醒");
        Assert.Contains("已开始向4位尚未提交材料的成员发送提醒", reply.Text, StringComparison.Ordinal);
        await Task.WhenAll(PassAsync(first), PassAsync(second), PassAsync(first), PassAsync(second));

        foreach (var member in MeetingScenario.Members)
        {
            var received = Assert.Single(connector.Received, r => r.Path.EndsWith($"/conversation-{PipelineChat.Account(member.Account).UserId}/activities", StringComparison.Ordinal));
            Assert.Contains("会议秘书提醒", received.Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var summary = Assert.Single(connector.Received, r => r.Path.EndsWith("/conversation-sec-1/activities", StringComparison.Ordinal));
        Assert.Contains("已发送完毕：送达4人。", summary.Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, connector.Received.Count);
        Assert.Empty(connector.Unexpected);
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("cosmos")]
    public async Task A_host_that_dies_between_claiming_a_reminder_and_sending_it_leaves_it_to_another_after_the_lease(string store)
    {
        var settings = Settings(store, "reminders-killed");
        await using var connector = await StandInConnector.StartAsync();
        var dying = new DiesAfterItsFirstClaim();
        await using var survivor = await StartAsync(settings);
        // One send at a time, so it dies holding exactly one claim.
        await using (var doomed = await StartAsync([.. settings, "--Reminders:Parallelism=1"], dying))
        {
            var chat = await PrepareAsync(doomed, survivor, connector);
            await chat.SayAsync(Secretary, MeetingScenario.SecretaryName, "提醒");
            await PassAsync(doomed);
            Assert.True(dying.Dead);
        }

        // It died claiming the roster's first, 李卫东; the claim holds for the lease: the survivor sends the others, not his.
        await PassAsync(survivor);
        Assert.Equal(3, Reminders(connector));
        Assert.DoesNotContain(connector.Received, r => r.Path.EndsWith("/conversation-m-1/activities", StringComparison.Ordinal));
        Assert.DoesNotContain(connector.Received, r => r.Path.EndsWith("/conversation-sec-1/activities", StringComparison.Ordinal));

        _time.Advance(TimeSpan.FromMinutes(2));
        await PassAsync(survivor);
        await PassAsync(survivor);
        Assert.Equal(4, Reminders(connector));
        Assert.Single(connector.Received, r => r.Path.EndsWith("/conversation-m-1/activities", StringComparison.Ordinal));
        Assert.Contains("送达4人", Assert.Single(connector.Received, r => r.Path.EndsWith("/conversation-sec-1/activities", StringComparison.Ordinal)).Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(connector.Unexpected);
    }

    private static int Reminders(StandInConnector connector) =>
        connector.Received.Count(r => r.Activity.GetProperty("text").GetString()!.Contains("会议秘书提醒", StringComparison.Ordinal));

    private string[] Settings(string store, string database) =>
        store == "cosmos" ? cosmos.Arguments(database) : [$"--Storage:Embedded:Path={_folder.File("bot.db")}"];

    /// <summary>
    /// The scenario's meeting imported; its secretary and members talk to one host or the other, so
    /// each host holds some of the conversations. Returns
    /// the secretary's chat with the first host.
    /// </summary>
    private async Task<BotFrameworkChat> PrepareAsync(RunningBot first, RunningBot second, StandInConnector connector)
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8)));
        var file = _folder.File("meeting.yaml");
        await File.WriteAllTextAsync(file, MeetingScenario.MeetingFile(Secretary));
        await first.Services.GetRequiredService<MeetingStore>().ImportAsync(MeetingContent.Reader.ReadYaml(file), CancellationToken.None);

        var chats = new[] { new BotFrameworkChat(first.Http, connector.ServiceUrl), new BotFrameworkChat(second.Http, connector.ServiceUrl) };
        await chats[0].SayAsync(Secretary, MeetingScenario.SecretaryName, "进度");
        var members = MeetingScenario.Members;
        for (var i = 0; i < members.Count; i++)
        {
            await chats[i % 2].SayAsync(members[i].Account, members[i].Name, "开始");
        }

        return chats[0];
    }

    /// <summary>One pass of the host's scheduler, and the background work it left (nothing, unless a notice).</summary>
    private static async Task PassAsync(RunningBot bot)
    {
        await bot.Services.GetRequiredService<ReminderScheduler>().PassAsync();
        await bot.Services.GetRequiredService<OutboundWork>().WhenIdleAsync();
    }

    private Task<RunningBot> StartAsync(string[] settings, DiesAfterItsFirstClaim? dying = null) =>
        RunningBot.StartAsync(settings, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(_time);
            if (dying is not null)
            {
                builder.Services.DecorateStore(dying.Around);
            }
        });

    /// <summary>
    /// The store as a host sees it that dies right after it claimed its first reminder: the claim
    /// is written, and from then on every call of that host fails, as if its process were gone.
    /// </summary>
    private sealed class DiesAfterItsFirstClaim
    {
        public bool Dead { get; private set; }

        public IDocumentStore Around(IDocumentStore inner) => new Dying(inner, this);

        private sealed class Dying(IDocumentStore inner, DiesAfterItsFirstClaim host) : IDocumentStore
        {
            public Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken) => Alive(() => inner.ReadAsync(key, cancellationToken));

            public async Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken)
            {
                var created = await Alive(() => inner.CreateAsync(document, cancellationToken));
                if (document.Kind == ReminderClaim.DocumentKind)
                {
                    host.Dead = true;
                    throw new StoreUnavailableException("The host died.");
                }

                return created;
            }

            public Task<StoredDocument> ReplaceAsync(NewDocument document, string ifMatch, CancellationToken cancellationToken) => Alive(() => inner.ReplaceAsync(document, ifMatch, cancellationToken));

            public Task<StoredDocument> UpsertAsync(NewDocument document, CancellationToken cancellationToken) => Alive(() => inner.UpsertAsync(document, cancellationToken));

            public Task<IReadOnlyList<StoredDocument>> WriteBatchAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken) => Alive(() => inner.WriteBatchAsync(writes, cancellationToken));

            public Task DeleteAsync(DocumentKey key, CancellationToken cancellationToken) => Alive(async () => { await inner.DeleteAsync(key, cancellationToken); return true; });

            public Task<IReadOnlyList<StoredDocument>> QueryPartitionAsync(string partitionKey, string kind, CancellationToken cancellationToken) => Alive(() => inner.QueryPartitionAsync(partitionKey, kind, cancellationToken));

            private Task<T> Alive<T>(Func<Task<T>> call) => host.Dead ? throw new StoreUnavailableException("The host is dead.") : call();
        }
    }
}
