using MeetingBot.Storage;
using MeetingBot.TestKit.Conversations;
using MeetingBot.TestKit.Storage;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>When the store gives up (throttled, unreachable), the user is asked to try again and nothing is half-kept.</summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task A_failed_write_asks_the_user_to_retry_and_the_retry_is_kept()
    {
        var failing = (FailingStore?)null;
        using var bot = new ConversationDriver(wrapStore: store => failing = new FailingStore(store));
        await bot.SendAllAsync([.. SelfCheckScript.AnnualMeeting, "张明"]);

        failing!.Failing = true;
        await bot.SendAsync("市交通运输局");
        Assert.Contains("稍后再试", bot.Last.Text, StringComparison.Ordinal);
        Assert.False((await bot.StateAsync()).Answers.ContainsKey("unit"));

        failing.Failing = false;
        await bot.ExpectAsync("市交通运输局", "现任什么职务");
        Assert.Equal("市交通运输局", (await bot.StateAsync()).Answers["unit"].Text);
    }
}
