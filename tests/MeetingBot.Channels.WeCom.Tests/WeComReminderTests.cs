using MeetingBot.Conversations.Reminders;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>A round of reminders on WeCom: the secretary's 提醒 reaches a member who joined there through message/send, and the summary comes back to the secretary there too.</summary>
public sealed class WeComReminderTests : WeComHostTest
{
    [Fact]
    public async Task A_secretary_on_WeCom_reminds_a_member_on_WeCom_through_message_send_and_gets_the_summary()
    {
        // No quiet hours, so the round goes at any hour the test runs.
        var meeting = await MeetingContent.ImportAsync(Bot.Services, MeetingScenario.MeetingFile("wecom:wangmin") + "reminders:\n  quiet_hours: \"\"\n");
        await Bot.Sender.TextAsync("wangmin", "进度");
        await Bot.Sender.TextAsync("liweidong", "加入 " + meeting.InvitationCode);
        await Bot.WhenIdleAsync();
        var sentBefore = StandIns.Api.Sent.Count;

        var asked = await Bot.Sender.TextAsync("wangmin", "提醒");
        await Bot.Services.GetRequiredService<ReminderScheduler>().PassAsync();
        await Bot.WhenIdleAsync();

        Assert.Contains("已开始向5位尚未提交材料的成员发送提醒", asked.Passive, StringComparison.Ordinal);
        var sent = StandIns.Api.Sent.Skip(sentBefore).ToArray();
        var reminder = Assert.Single(sent, m => m.ToUser == "liweidong");
        Assert.Equal("text", reminder.MsgType);
        Assert.StartsWith("会议秘书提醒：", reminder.Content, StringComparison.Ordinal);
        var summary = Assert.Single(sent, m => m.ToUser == "wangmin");
        Assert.Contains("提醒已发送完毕：送达1人；未能送达：李卫东、张晓红、陈建国、刘芳", summary.Content, StringComparison.Ordinal);
        Assert.Empty(StandIns.Api.Unexpected);
    }
}
