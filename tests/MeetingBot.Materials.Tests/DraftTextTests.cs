using MeetingBot.Materials.Drafts;
using Xunit;

namespace MeetingBot.Materials.Tests;

public sealed class DraftTextTests
{
    [Theory]
    [InlineData("今年一季度\n3次学习", "今年一季度 3次学习")]
    [InlineData("组织\r\n学习", "组织学习")]
    [InlineData("a\u0000b\u001b[31mc\u200Bd", "ab[31mcd")]
    [InlineData("  两个   空格\u3000\u3000结尾  ", "两个空格结尾")]
    [InlineData("Word 文档  2份", "Word 文档 2份")]
    [InlineData("𠀀\n汉字", "𠀀汉字")]
    public void An_answer_becomes_one_line_of_printable_text(string answer, string expected) =>
        Assert.Equal(expected, DraftText.Clean(answer));
}
