using MeetingBot.Conversations.Context;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Meetings;
using MeetingBot.Storage;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Conversations;
using MeetingBot.TestKit.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>
/// The pipeline's seams: a context from a roster, turns the bot starts, the turn's own time, and
/// bursts of messages on one conversation.
/// </summary>
public sealed class ConversationSeamTests
{
    private static readonly Meeting Bureau = new()
    {
        Id = "m-1",
        Kind = MeetingKind.LocalInspection,
        Title = "青山县民政局党组巡察整改专题民主生活会",
        Unit = "青山县民政局党组",
        Roster = [new RosterEntry("p-a", "李卫东", MeetingRole.Member) { Post = "党组成员、副局长", Identities = [new("test", "user-1")] }],
        Findings = [new("1", "一、贯彻落实党的路线方针政策方面", "低保动态管理不到位"), new("2", "二、落实全面从严治党责任方面", "专项资金监管不严")],
    };

    [Fact]
    public async Task Facts_from_the_roster_fill_prompts_and_options_and_are_not_asked()
    {
        using var bot = new ConversationDriver(catalog: FixtureBanks.Version1, contexts: new RosterContext(Bureau));

        await bot.StartAsync();
        Assert.Contains("李卫东同志，会议定在哪一天？", bot.Last.Text, StringComparison.Ordinal);

        await bot.SendAsync("12月20日");
        Assert.Equal(["低保动态管理不到位", "专项资金监管不严"], bot.Last.Question!.Options.Select(o => o.Label));
        await bot.SendAsync("专项资金监管不严");

        Assert.Equal(["2"], (await bot.StateAsync()).Answers["findings"].Selected);
        var draft = (await bot.RenderDraftAsync()).Model;
        Assert.Equal("李卫东", draft.Name.Value);
        Assert.Equal("党组成员、副局长", draft.Post.Value);
    }

    [Fact]
    public async Task A_bot_initiated_turn_is_delivered_once_per_key_and_never_to_an_unknown_conversation()
    {
        using var bot = new ConversationDriver();
        await bot.StartAsync();
        var messenger = new RecordingMessenger();
        var turns = new BotInitiatedTurns(bot.Pipeline, new OutboundMessengers([messenger]), NullLogger<BotInitiatedTurns>.Instance);
        var notice = new Notice(MessageKeys.ReminderUnfinished, new Dictionary<string, object?>());

        Assert.Equal(DeliveryResult.Unreachable, await turns.RunAsync(ConversationDriver.Channel, bot.ConversationId, "reminder-1", notice, CancellationToken.None));

        await StoreAddressAsync(bot);
        Assert.Equal(DeliveryResult.Delivered, await turns.RunAsync(ConversationDriver.Channel, bot.ConversationId, "reminder-1", notice, CancellationToken.None));
        Assert.Equal(DeliveryResult.AlreadyDelivered, await turns.RunAsync(ConversationDriver.Channel, bot.ConversationId, "reminder-1", notice, CancellationToken.None));
        Assert.Equal(DeliveryResult.Unreachable, await turns.RunAsync(ConversationDriver.Channel, "never-seen", "reminder-1", notice, CancellationToken.None));

        var (address, replies) = Assert.Single(messenger.Delivered);
        Assert.Equal(bot.ConversationId, address.ConversationId);
        Assert.Contains("继续", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.False(await bot.Pipeline.ExistsAsync(ConversationDriver.Channel, "never-seen", CancellationToken.None));
    }

    [Fact]
    public async Task A_turn_that_outlives_its_time_tells_the_user_to_check_and_a_caller_leaving_does_not_cancel_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var slow = (SlowWrites?)null;
        using var bot = new ConversationDriver(wrapStore: store => slow = new SlowWrites(store), time: time);
        await bot.StartAsync();

        // The caller gives up while the write is held back; the turn still stores the answer.
        slow!.Hold = true;
        using var leaving = new CancellationTokenSource();
        var turn = bot.Pipeline.ProcessAsync(bot.Input(TurnKind.Message, "1"), leaving.Token);
        await slow.Waiting.Task;
        await leaving.CancelAsync();
        slow.Release();
        Assert.Equal(TurnOutcome.Answered, (await turn).Outcome);
        Assert.True((await bot.StateAsync()).Answers.ContainsKey("meeting_kind"));

        // A write that never comes back ends at Conversations:TurnTimeout with the notice.
        slow.Hold = true;
        slow.Waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = bot.Pipeline.ProcessAsync(bot.Input(TurnKind.Message, "张明"), CancellationToken.None);
        await slow.Waiting.Task;
        time.Advance(new ConversationOptions().TurnTimeout);
        var result = await stuck;
        Assert.Equal(TurnOutcome.TimedOut, result.Outcome);
        Assert.Equal(bot.Renderer.RenderMessage("turn_timed_out", new Dictionary<string, object?>()), Assert.Single(result.Replies).Text);
        slow.Release();
    }

    [Fact]
    public async Task Twelve_messages_at_once_on_one_conversation_are_all_kept_once_in_order_of_arrival()
    {
        string[] answers = [.. SelfCheckScript.AnnualMeeting, "市交通运输局", "党组成员、副局长", "综合规划", "26", "18", "二十届四中全会精神", "1", "采用", "忙起来就先放下学习", "2025年3月2次中心组学习没有准备发言"];
        using var sequential = new ConversationDriver(userName: "张明");
        await sequential.StartAsync();
        await sequential.SendAllAsync(answers);
        using var bot = new ConversationDriver(userName: "张明");
        await bot.StartAsync();

        // Started in this order, so they reach the conversation's gate in this order.
        var turns = answers.Select((text, i) => bot.Pipeline.ProcessAsync(bot.Input(TurnKind.Message, text, $"burst-{i}"), CancellationToken.None)).ToArray();
        var results = await Task.WhenAll(turns);

        Assert.All(results, r => Assert.Equal(TurnOutcome.Answered, r.Outcome));
        var record = await bot.ReadRecordAsync();
        Assert.Equal(answers.Select((_, i) => $"burst-{i}"), record.RecentActivityIds.Where(id => id.StartsWith("burst-", StringComparison.Ordinal)));
        var expected = (await sequential.StateAsync()).Answers;
        Assert.Equal(expected.OrderBy(a => a.Key).Select(a => (a.Key, a.Value.Text, a.Value.Number, string.Join(",", a.Value.Selected))),
            record.Dialog.Answers.OrderBy(a => a.Key).Select(a => (a.Key, a.Value.Text, a.Value.Number, string.Join(",", a.Value.Selected))));
    }

    [Fact]
    public async Task Beyond_the_bound_of_waiting_turns_a_message_is_answered_busy_and_nothing_runs()
    {
        var slow = (SlowWrites?)null;
        using var bot = new ConversationDriver(wrapStore: store => slow = new SlowWrites(store));
        await bot.StartAsync();
        slow!.Hold = true;
        var running = bot.Pipeline.ProcessAsync(bot.Input(TurnKind.Message, "1"), CancellationToken.None);
        await slow.Waiting.Task;

        var waiting = Enumerable.Range(0, new ConversationOptions().MaxWaitingTurns).Select(_ => bot.Pipeline.ProcessAsync(bot.Input(TurnKind.Message, "帮助"), CancellationToken.None)).ToArray();
        var refused = await bot.Pipeline.ProcessAsync(bot.Input(TurnKind.Message, "帮助"), CancellationToken.None);

        Assert.Equal(TurnOutcome.Busy, refused.Outcome);
        Assert.Empty(refused.Replies);
        slow.Hold = false;
        slow.Release();
        await running;
        Assert.All(await Task.WhenAll(waiting), r => Assert.Equal(TurnOutcome.Other, r.Outcome));
    }

    [Fact]
    public async Task A_turn_that_renders_a_draft_makes_one_store_write_and_an_unchanged_draft_is_not_kept_again()
    {
        var counting = (CountingWrites?)null;
        using var bot = new ConversationDriver(wrapStore: store => counting = new CountingWrites(store), userName: "张明");
        await bot.SendAllAsync([.. SelfCheckScript.AnnualMeeting, "市交通运输局"]);

        var before = counting!.Writes;
        await bot.SendAsync("查看草稿");
        Assert.Equal(1, counting.Writes - before);
        Assert.Equal(1, (await bot.ReadRecordAsync()).DraftVersions);

        await bot.SendAsync("查看草稿");
        Assert.Equal(1, (await bot.ReadRecordAsync()).DraftVersions);
        await bot.SendAsync("党组成员、副局长");
        await bot.SendAsync("查看草稿");
        Assert.Equal(2, (await bot.ReadRecordAsync()).DraftVersions);
        var versions = await bot.Store.QueryPartitionAsync(ConversationKeys.Partition(ConversationDriver.Channel, bot.ConversationId), DraftVersion.Kind, CancellationToken.None);
        Assert.Contains("党组成员、副局长", DraftVersion.FromJson(versions[^1].Body).Text, StringComparison.Ordinal);
    }

    private static async Task StoreAddressAsync(ConversationDriver bot) =>
        await bot.Pipeline.ProcessAsync(bot.Input(TurnKind.Message, "帮助") with { Address = new ConversationAddress(ConversationDriver.Channel, bot.ConversationId, "user-1") }, CancellationToken.None);

    /// <summary>The roster's facts for the user on it, as the meetings feature will give them.</summary>
    private sealed class RosterContext(Meeting meeting) : IConversationContextSource
    {
        public ValueTask<ConversationContext> GetAsync(ConversationRecord record, CancellationToken cancellationToken)
        {
            var facts = MeetingFacts.For(meeting, meeting.EntryOf(new ChannelIdentity(record.ChannelId, record.UserId))!);
            return ValueTask.FromResult(new ConversationContext
            {
                Facts = facts.Facts,
                Lists = facts.Lists.ToDictionary(l => l.Key, l => (IReadOnlyList<ContextItem>)l.Value.Select(i => new ContextItem(i.Id, i.Label)).ToArray()),
                Today = new DateOnly(2026, 12, 1),
            });
        }
    }

    private sealed class CountingWrites(IDocumentStore inner) : StoreDecorator(inner)
    {
        public int Writes { get; private set; }

        protected override Task BeforeWriteAsync(CancellationToken cancellationToken)
        {
            Writes++;
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingMessenger : IOutboundMessenger
    {
        public List<(ConversationAddress Address, IReadOnlyList<BotReply> Replies)> Delivered { get; } = [];

        public string? ChannelId => null;

        public Task DeliverAsync(ConversationAddress address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
        {
            Delivered.Add((address, replies));
            return Task.CompletedTask;
        }
    }
}
