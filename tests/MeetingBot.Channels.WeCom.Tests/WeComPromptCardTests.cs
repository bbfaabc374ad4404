using MeetingBot.TestKit;
using MeetingBot.TestKit.Meetings;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>The prompt card (提示) on WeCom: never a passive reply, which can only be text, but markdown through message/send.</summary>
public sealed class WeComPromptCardTests : WeComHostTest
{
    private const string User = "liweidong";

    [Fact]
    public async Task The_prompt_card_goes_out_through_message_send_as_markdown_with_its_title_and_headings_marked()
    {
        var meeting = await MeetingContent.ImportAsync(Bot.Services, MeetingScenario.MeetingFile("test:sec-1"));
        await Bot.Sender.TextAsync(User, "加入 " + meeting.InvitationCode);
        await Bot.WhenIdleAsync();
        var sentBefore = StandIns.Api.Sent.Count;

        var exchange = await Bot.Sender.TextAsync(User, "提示");
        await Bot.WhenIdleAsync();

        Assert.Null(exchange.Passive);
        var message = Assert.Single(StandIns.Api.Sent.Skip(sentBefore));
        Assert.Equal((User, "markdown"), (message.ToUser, message.MsgType));
        Assert.StartsWith($"# {MeetingScenario.Title}会前提示\n会议时间：2026年12月20日 09:00\n", message.Content, StringComparison.Ordinal);
        Assert.Contains("\n\n**一、会前核对事项**\n会上需如实说明以下情况，请会前逐项核对：\n1. 个人有关事项报告情况\n", message.Content, StringComparison.Ordinal);
        Assert.Empty(StandIns.Api.Unexpected);
    }
}
