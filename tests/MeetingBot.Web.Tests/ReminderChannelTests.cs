using MeetingBot.Conversations.Outbound;
using MeetingBot.Conversations.Reminders;
using MeetingBot.Meetings.Storage;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// A round of reminders reaches each member on the channel they last used: the roster's members
/// through the Connector (a stand-in), a member who joined on the Web Chat page on the page's next
/// poll, from the store.
/// </summary>
public sealed class ReminderChannelTests
{
    private const string Secretary = "test:sec-1";

    [Fact]
    public async Task A_round_reaches_members_through_the_Connector_and_on_the_Web_Chat_page_at_its_next_poll()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var connector = await StandInConnector.StartAsync();
        await using var bot = await RunningBot.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        await File.WriteAllTextAsync(folder.File("meeting.yaml"), MeetingScenario.MeetingFile(Secretary));
        var meeting = await bot.Services.GetRequiredService<MeetingStore>().ImportAsync(MeetingContent.Reader.ReadYaml(folder.File("meeting.yaml")), CancellationToken.None);

        var chat = new BotFrameworkChat(bot.Http, connector.ServiceUrl);
        await chat.SayAsync(Secretary, MeetingScenario.SecretaryName, "进度");
        await chat.SayAsync(MeetingScenario.ZhangXiaohong.Account, MeetingScenario.ZhangXiaohong.Name, "开始");
        using var http = bot.CreateClient();
        var (page, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(http));
        await page.PollAsync();
        await page.SayAsync("加入 " + meeting.Meeting.InvitationCode);

        Assert.Contains("已开始向5位", (await chat.SayAsync(Secretary, MeetingScenario.SecretaryName, "提醒")).Text, StringComparison.Ordinal);
        await bot.Services.GetRequiredService<ReminderScheduler>().PassAsync();
        await bot.Services.GetRequiredService<OutboundWork>().WhenIdleAsync();

        var toMember = Assert.Single(connector.Received, r => r.Path.EndsWith("/conversation-m-2/activities", StringComparison.Ordinal));
        Assert.Contains("会议秘书提醒", toMember.Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(3));
        var polled = DirectLineSession.BotText(await page.PollAsync());
        Assert.Contains("会议秘书提醒", polled, StringComparison.Ordinal);
        Assert.Empty(await page.PollAsync());

        var summary = Assert.Single(connector.Received, r => r.Path.EndsWith("/conversation-sec-1/activities", StringComparison.Ordinal));
        Assert.Contains("送达2人；未能送达：李卫东、陈建国、刘芳", summary.Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(connector.Unexpected);
    }
}
