using MeetingBot.Channels.BotFramework;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>Long texts (a draft with long answers) are split under the per-message limit without losing a character.</summary>
public sealed class MessageSplittingTests
{
    [Fact]
    public void A_long_draft_is_split_at_line_breaks_and_keeps_every_character()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"（{i}）对照检查第{i}段：" + new string('查', i % 97));
        var draft = string.Join('\n', lines);

        var parts = ReplyActivities.Split(draft, 1000);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 1000));
        Assert.All(parts.Take(parts.Count - 1), p => Assert.EndsWith("\n", p, StringComparison.Ordinal));
        Assert.Equal(draft, string.Concat(parts));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_cut_without_breaking_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("长😀", 700));

        var parts = ReplyActivities.Split(text, 999);

        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.All(parts, p => Assert.False(char.IsLowSurrogate(p[0])));
    }

    [Fact]
    public void A_short_text_stays_whole() => Assert.Equal(["一段"], ReplyActivities.Split("一段", ReplyActivities.MaxMessageChars));
}
