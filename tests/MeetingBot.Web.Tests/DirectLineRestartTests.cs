using MeetingBot.Dialogs.Bank;
using MeetingBot.TestKit;
using Xunit;

using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Web.Tests;

/// <summary>
/// A user whose server was stopped and started again (same database) continues where they were:
/// the same user id opens the same conversation, earlier answers are kept, an open page's token
/// still works, and its old watermark still brings everything written after the restart.
/// </summary>
public sealed class DirectLineRestartTests
{
    [Fact]
    public async Task After_a_restart_the_same_user_continues_at_the_same_question_and_old_watermarks_still_work()
    {
        using var folder = new TempFolder();
        var database = folder.File("bot.db");
        var userId = DirectLineTestClient.NewUserId();

        DirectLineSession openPage;
        await using (var first = await RunningBot.StartAsync(database))
        {
            using var http = first.CreateClient();
            (openPage, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(http), userId);
            await openPage.PollAsync();
            await openPage.SayAsync("年度民主生活会");
            await openPage.SayAsync("2025");
            await openPage.SayAsync("张明");
            var replies = await openPage.SayAsync("市交通运输局");
            Assert.Contains(DirectLineTestClient.Prompt("post"), DirectLineSession.BotText(replies), StringComparison.Ordinal);
        }

        await using var second = await RunningBot.StartAsync(database);
        using var secondHttp = second.CreateClient();
        var client = new DirectLineTestClient(secondHttp);
        var oldWatermark = openPage.Watermark;
        var stalePage = new DirectLineSession(client, userId, openPage.ConversationId, openPage.Token) { Watermark = oldWatermark };

        // The page left open keeps polling across the restart: its token and conversation are still good.
        Assert.Empty(await stalePage.PollAsync());
        Assert.Equal(oldWatermark, stalePage.Watermark);

        // The user comes back in a new tab: same user id from localStorage, so the same conversation.
        var (returning, _) = await DirectLineSession.OpenAsync(client, userId);
        Assert.Equal(openPage.ConversationId, returning.ConversationId);
        var welcome = DirectLineSession.BotText(await returning.PollAsync());
        Assert.Contains("欢迎回来", welcome, StringComparison.Ordinal);
        Assert.Contains(DirectLineTestClient.Prompt("post"), welcome, StringComparison.Ordinal);

        // The old page, polling with its pre-restart watermark, sees what was written since.
        var seenByStalePage = await stalePage.PollAsync();
        Assert.Equal(welcome, DirectLineSession.BotText(seenByStalePage));
        Assert.True(long.Parse(stalePage.Watermark!) > long.Parse(oldWatermark!));

        // It can also go on answering with its old token, and the earlier answers are all there.
        var next = await stalePage.SayAsync("副局长");
        Assert.Contains(DirectLineTestClient.Prompt("areas"), DirectLineSession.BotText(next), StringComparison.Ordinal);
        var draft = DirectLineSession.BotText(await stalePage.SayAsync(DirectLineTestClient.Bank.Commands.First(Command.Draft)));
        Assert.Contains("张明同志在2025年度民主生活会上的个人对照检查材料", draft, StringComparison.Ordinal);
        Assert.Contains("市交通运输局副局长", draft, StringComparison.Ordinal);
    }
}
