using MeetingBot.TestKit;
using MeetingBot.TestKit.Conversations;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>
/// Golden drafts: an answer set (one reply per line) goes through the real conversation and the
/// rendered draft must equal the expected file beside it. Set UPDATE_GOLDEN=1 to rewrite the
/// expected files after an intended change, and review the diff.
/// </summary>
public sealed class GoldenDraftTests
{
    public static readonly string[] Minimal = Answers("minimal");

    /// <summary>The drafts are dated today where the meeting is held: the golden files are dated 2026年12月1日.</summary>
    private static readonly FakeTimeProvider GoldenDay = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("full")]
    [InlineData("minimal")]
    [InlineData("markup")]
    public async Task The_draft_for_an_answer_set_matches_its_golden_file(string name)
    {
        using var bot = new ConversationDriver(time: GoldenDay);
        await bot.StartAsync();
        await bot.SendAllAsync(Answers(name));
        Assert.Contains("待补充事项", bot.Last.Text, StringComparison.Ordinal);

        var draft = await bot.DraftAsync();

        await GoldenFile.AssertMatchesAsync(Path.Combine("tests", "MeetingBot.Conversations.Tests", "Golden", name + ".draft.txt"), draft);
    }

    [Fact]
    public async Task Template_syntax_and_markup_in_answers_come_out_literally()
    {
        using var bot = new ConversationDriver(time: GoldenDay);
        await bot.SendAllAsync(Answers("markup"));

        var draft = await bot.RenderDraftAsync();

        Assert.Contains("<b>某局</b> {{ 1 + 1 }}", draft.Text, StringComparison.Ordinal);
        Assert.Contains("2024年3月 {{ unit }} **强调** <script>alert(1)</script>", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", draft.Text, StringComparison.Ordinal);

        // An answer that starts like a block marker stays inside its paragraph.
        Assert.Contains("一是# 我的表述 {{ offer }}。> 表现 <i>斜体</i>。", draft.Text, StringComparison.Ordinal);
        Assert.Equal(3, draft.Outline.Blocks.Count(b => b.Kind == Materials.Outline.BlockKind.Heading1));
        Assert.Contains(draft.Outline.Blocks, b => b.Kind == Materials.Outline.BlockKind.Paragraph && b.Text.StartsWith("= 原因", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_problem_in_the_full_draft_has_its_example_a_cause_and_a_measure()
    {
        using var bot = new ConversationDriver();
        await bot.SendAllAsync(Answers("full"));

        var model = (await bot.RenderDraftAsync()).Model;

        Assert.Empty(model.Gaps);
        Assert.All(model.Aspects.SelectMany(a => a.Problems), p => Assert.False(p.Example.Missing));
        Assert.Equal(model.Aspects.Select(a => a.Title), model.MeasureGroups.Select(g => g.AspectTitle));
        Assert.NotEmpty(model.Causes);
    }

    private static string[] Answers(string name) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", name + ".answers.txt")).Where(l => l.Length > 0).ToArray();
}
