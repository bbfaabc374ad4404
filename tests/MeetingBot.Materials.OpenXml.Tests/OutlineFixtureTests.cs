using MeetingBot.Materials.Outline;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Materials.OpenXml.Tests;

public sealed class OutlineFixtureTests
{
    /// <summary>The fixture says the golden draft's words, line for line: only the markers are added.</summary>
    [Fact]
    public void The_full_draft_outline_has_the_golden_drafts_lines()
    {
        var golden = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Conversations.Tests", "Golden", "full.draft.txt"))
            .Where(line => line.Length > 0);

        Assert.Equal(golden, Outlines.FullDraft.Blocks.Select(b => b.Text));
        Assert.Equal(
            [BlockKind.Title, BlockKind.Paragraph, BlockKind.Heading1, BlockKind.Heading2, BlockKind.Paragraph],
            Outlines.FullDraft.Blocks.Take(5).Select(b => b.Kind));
        Assert.Equal(3, Outlines.FullDraft.Blocks.Count(b => b.Kind == BlockKind.Heading1));
        Assert.Equal(13, Outlines.FullDraft.Blocks.Count(b => b.Kind == BlockKind.Heading2));
    }
}
