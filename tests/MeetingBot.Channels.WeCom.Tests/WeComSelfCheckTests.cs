using System.Net;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>
/// A complete self-check over encrypted callbacks on the real host: short replies come back passively
/// in the callback response, the long ones (the full draft) through message/send in parts.
/// </summary>
public sealed class WeComSelfCheckTests : WeComHostTest
{
    private const string User = "chenlixin";

    [Fact]
    public async Task A_complete_self_check_is_submitted_and_its_full_draft_arrives_in_readable_parts()
    {
        var answers = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Conversations.Tests", "Golden", "full.answers.txt")).Where(l => l.Length > 0);

        var greeting = await ConverseAsync(null);
        var replies = new List<Reply>();
        foreach (var answer in answers.Append("提交").Append("查看草稿"))
        {
            replies.Add(await ConverseAsync(answer));
        }

        Assert.Contains("您好！我是民主生活会准备助手", greeting.Text, StringComparison.Ordinal);
        Assert.Contains(replies, r => r.Parts == 0);
        Assert.Contains("已提交", replies[^2].Text, StringComparison.Ordinal);
        var draft = replies[^1];
        Assert.True(draft.Parts > 1, $"the full draft came in {draft.Parts} message(s)");
        Assert.Contains("陈立新", draft.Text, StringComparison.Ordinal);
        Assert.Contains("三、整改措施", draft.Text, StringComparison.Ordinal);
        Assert.Empty(StandIns.Api.Unexpected);
        Assert.All(StandIns.Api.Sent, s => Assert.Equal((User, WeComServices.AgentId), (s.ToUser, s.AgentId)));
        Assert.True((await Bot.ReadConversationAsync(User))!.Dialog.Submitted);
    }

    /// <summary>The reply to one message (or to opening the app): passive, or the parts sent actively.</summary>
    private async Task<Reply> ConverseAsync(string? text)
    {
        var sentBefore = StandIns.Api.Sent.Count;
        var exchange = text is null ? await Bot.Sender.EventAsync(User, "enter_agent") : await Bot.Sender.TextAsync(User, text);
        await Bot.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        var active = StandIns.Api.Sent.Skip(sentBefore).Select(s => s.Content).ToArray();
        Assert.True(exchange.Passive is null != (active.Length == 0), $"after “{text}”: a reply either passive or active");
        return new Reply(exchange.Passive ?? string.Concat(active), active.Length);
    }

    /// <param name="Parts">How many messages it took through message/send; 0 when it came back passively.</param>
    private sealed record Reply(string Text, int Parts);
}
