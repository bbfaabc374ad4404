using MeetingBot.Materials.Checking;
using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.Outline;
using MeetingBot.TestKit.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>
/// The findings the review lists and 提交 checks are those of the draft's own author and year, also
/// when the bot has just checked the same words for someone else.
/// </summary>
public sealed class DraftChecksTests : IDisposable
{
    private const string Text = "县自然资源局副局长王强\n民主生活会个人对照检查材料\n会上，张红同志提出了意见。会前学习了党的二十届四中全会精神。";

    private readonly ConversationDriver _bot = new();

    public void Dispose() => _bot.Dispose();

    private DraftChecks Checks => _bot.Services.GetRequiredService<DraftChecks>();

    [Fact]
    public void The_same_words_checked_for_another_author_are_checked_for_that_author()
    {
        var forWang = Checks.Findings(Draft(author: "王强", year: "2024"));
        var forZhang = Checks.Findings(Draft(author: "张红", year: "2024"));
        var forWangAgain = Checks.Findings(Draft(author: "王强", year: "2024"));

        Assert.Contains(forWang, f => f.Category == FindingCategory.Privacy && f.Text == "张红");
        Assert.DoesNotContain(forZhang, f => f.Category == FindingCategory.Privacy && f.Text == "张红");
        Assert.Equal(forWang, forWangAgain);
    }

    [Fact]
    public void The_same_words_checked_for_another_year_are_checked_for_that_year()
    {
        var in2024 = Checks.Findings(Draft(author: "王强", year: "2024"));
        var in2025 = Checks.Findings(Draft(author: "王强", year: "2025"));

        Assert.Contains(in2024, f => f.Category == FindingCategory.Year && f.Text == "二十届四中全会");
        Assert.DoesNotContain(in2025, f => f.Category == FindingCategory.Year);
    }

    private static RenderedDraft Draft(string author, string year) =>
        new(DraftSamples.Empty("annual") with { Name = new DraftField(author, ""), Year = new DraftField(year, "") }, new DocumentOutline([]), Text);
}
