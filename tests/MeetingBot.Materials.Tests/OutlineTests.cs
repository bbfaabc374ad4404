using MeetingBot.Materials.Outline;
using Xunit;

namespace MeetingBot.Materials.Tests;

public sealed class OutlineTests
{
    private const string Markup = """
        = 某局党组成员、副局长张某
        = 年度民主生活会个人对照检查材料

        开头一段。
        # 一、存在的主要问题

        ## （一）理论学习方面
        一是……比如，#不是标题。
        ## （二）担当作为方面
        一是……
        以上对照检查，恳请同志们批评指正。
        > 张某
        > 2026年12月1日
        """;

    [Fact]
    public void Each_line_is_one_block_and_its_marker_names_the_kind()
    {
        var outline = OutlineMarkup.Parse(Markup);

        Assert.Equal(
            [BlockKind.Title, BlockKind.Title, BlockKind.Paragraph, BlockKind.Heading1, BlockKind.Heading2, BlockKind.Paragraph,
             BlockKind.Heading2, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Closing, BlockKind.Closing],
            outline.Blocks.Select(b => b.Kind));
        Assert.Equal("一、存在的主要问题", outline.Blocks[3].Text);
        Assert.Equal("一是……比如，#不是标题。", outline.Blocks[5].Text);
        Assert.Equal(["某局党组成员、副局长张某", "年度民主生活会个人对照检查材料"], outline.TitleLines);
    }

    [Fact]
    public void A_paragraph_marker_keeps_a_line_that_looks_like_a_marker_a_paragraph()
    {
        var outline = OutlineMarkup.Parse("| # 不是标题\n| = 也不是标题\n");

        Assert.Equal([new OutlineBlock(BlockKind.Paragraph, "# 不是标题"), new OutlineBlock(BlockKind.Paragraph, "= 也不是标题")], outline.Blocks);
    }

    [Fact]
    public void The_chat_text_sets_off_title_headings_and_closing_with_blank_lines()
    {
        var text = OutlineText.Render(OutlineMarkup.Parse(Markup));

        Assert.Equal(
            """
            某局党组成员、副局长张某
            年度民主生活会个人对照检查材料

            开头一段。

            一、存在的主要问题

            （一）理论学习方面
            一是……比如，#不是标题。

            （二）担当作为方面
            一是……
            以上对照检查，恳请同志们批评指正。

            张某
            2026年12月1日

            """.ReplaceLineEndings("\n"),
            text);
    }
}
