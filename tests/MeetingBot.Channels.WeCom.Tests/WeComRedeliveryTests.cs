using System.Net;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>
/// WeCom delivers again when it misses an answer (docs/protocols.md E.6): the same MsgId is one turn,
/// whether the deliveries overlap, follow each other, or reach a restarted or second instance.
/// </summary>
public sealed class WeComRedeliveryTests : IAsyncLifetime
{
    private WeComStandIns _standIns = null!;

    public async Task InitializeAsync() => _standIns = await WeComStandIns.StartAsync();

    public async Task DisposeAsync() => await _standIns.DisposeAsync();

    [Fact]
    public async Task The_same_msgid_delivered_4_times_at_once_is_processed_once_and_answered_alike()
    {
        await using var bot = await _standIns.StartBotAsync();
        await bot.Sender.EventAsync("zhangsan", "enter_agent");
        var xml = WeComSender.TextXml("zhangsan", "1", "4561255354251345929");

        var exchanges = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => bot.Sender.PostAsync(xml)));
        var later = await bot.Sender.PostAsync(xml);

        Assert.All(exchanges.Append(later), e => Assert.Equal(HttpStatusCode.OK, e.Status));
        Assert.Single(exchanges.Append(later).Select(e => e.Passive).Distinct());
        var record = (await bot.ReadConversationAsync("zhangsan"))!;
        Assert.Single(record.RecentActivityIds, "4561255354251345929");
        Assert.Equal(["meeting_kind"], record.Dialog.Answers.Keys);
    }

    [Fact]
    public async Task Four_overlapping_deliveries_of_a_slow_turn_send_the_reply_once()
    {
        await using var bot = await _standIns.StartBotAsync("--WeCom:PassiveReplyBudget=00:00:00");
        var xml = WeComSender.TextXml("lisi", "进度", "1000000000000000001");

        var exchanges = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => bot.Sender.PostAsync(xml)));
        await bot.WhenIdleAsync();
        await bot.Sender.PostAsync(xml);
        await bot.WhenIdleAsync();

        Assert.All(exchanges, e => Assert.Equal(new WeComExchange(HttpStatusCode.OK, null), e));
        Assert.Single(_standIns.Api.Sent);
    }

    [Fact]
    public async Task A_delivery_after_a_restart_is_recognised_and_changes_nothing()
    {
        var xml = WeComSender.TextXml("wangwu", "1", "1000000000000000002");
        ConversationSnapshot before;
        await using (var bot = await _standIns.StartBotAsync("--WeCom:PassiveReplyBudget=00:00:00"))
        {
            await bot.Sender.PostAsync(xml);
            await bot.WhenIdleAsync();
            before = ConversationSnapshot.Of(await bot.ReadConversationAsync("wangwu"));
        }

        await using (var restarted = await _standIns.StartBotAsync("--WeCom:PassiveReplyBudget=00:00:00"))
        {
            var again = await restarted.Sender.PostAsync(xml);
            await restarted.WhenIdleAsync();

            Assert.Equal(new WeComExchange(HttpStatusCode.OK, null), again);
            Assert.Equal(before, ConversationSnapshot.Of(await restarted.ReadConversationAsync("wangwu")));
        }

        Assert.Single(_standIns.Api.Sent);
    }

    [Fact]
    public async Task Two_instances_on_one_store_process_a_msgid_delivered_to_both_once()
    {
        await using var first = await _standIns.StartBotAsync("--WeCom:PassiveReplyBudget=00:00:00");
        await using var second = await _standIns.StartBotAsync("--WeCom:PassiveReplyBudget=00:00:00");
        var xml = WeComSender.TextXml("zhaoliu", "2", "1000000000000000003");

        await Task.WhenAll(first.Sender.PostAsync(xml), second.Sender.PostAsync(xml), first.Sender.PostAsync(xml), second.Sender.PostAsync(xml));
        await Task.WhenAll(first.WhenIdleAsync(), second.WhenIdleAsync());

        Assert.Single(_standIns.Api.Sent);
        var record = (await first.ReadConversationAsync("zhaoliu"))!;
        Assert.Single(record.RecentActivityIds, "1000000000000000003");
    }

    /// <summary>What a redelivery must not change.</summary>
    private sealed record ConversationSnapshot(string Activities, string Answers, int DraftVersions)
    {
        public static ConversationSnapshot Of(MeetingBot.Conversations.ConversationRecord? record) => new(
            string.Join(",", record!.RecentActivityIds),
            string.Join(",", record.Dialog.Answers.Keys),
            record.DraftVersions);
    }
}
