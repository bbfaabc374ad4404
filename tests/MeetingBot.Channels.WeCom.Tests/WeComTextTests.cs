using System.Globalization;
using System.Text;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>Splitting replies into WeCom text messages of at most 2048 bytes (docs/protocols.md E.8).</summary>
public sealed class WeComTextTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static readonly string[] Elements = ["😀", "👨‍👩‍👧", "e\u0301", "中"];

    [Fact]
    public void A_10000_character_draft_keeps_every_character_in_parts_of_valid_utf8_under_the_limit()
    {
        var draft = Draft(10_000);

        var parts = WeComText.Split(draft);

        Assert.Equal(draft, string.Concat(parts));
        Assert.True(parts.Count >= 10_000 * 3 / WeComText.MaxMessageBytes);
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            Assert.InRange(bytes.Length, 1, WeComText.MaxMessageBytes);
            Assert.Equal(part, StrictUtf8.GetString(bytes));
            Assert.False(char.IsLowSurrogate(part[0]));
            Assert.False(char.IsHighSurrogate(part[^1]));
        }
    }

    [Fact]
    public void Parts_end_at_line_breaks_when_there_are_some()
    {
        var draft = Draft(10_000);

        var parts = WeComText.Split(draft);

        Assert.All(parts.SkipLast(1), part => Assert.EndsWith("\n", part, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_without_line_breaks_is_cut_after_a_sentence()
    {
        var text = string.Concat(Enumerable.Repeat("这是没有换行的一句话，用来检查切分位置。", 200));

        var parts = WeComText.Split(text);

        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts.SkipLast(1), part => Assert.EndsWith("。", part, StringComparison.Ordinal));
    }

    [Fact]
    public void Emoji_and_combining_marks_are_never_cut_apart()
    {
        // 4-byte emoji, a family joined by ZWJ, and e + combining acute: 2048 is no multiple of any.
        var text = string.Concat(Enumerable.Repeat("😀👨‍👩‍👧e\u0301中", 400));

        var parts = WeComText.Split(text);

        Assert.Equal(text, string.Concat(parts));
        foreach (var part in parts)
        {
            Assert.InRange(Encoding.UTF8.GetByteCount(part), 1, WeComText.MaxMessageBytes);
            var elements = StringInfo.GetTextElementEnumerator(part);
            while (elements.MoveNext())
            {
                Assert.Contains((string)elements.Current, Elements);
            }
        }
    }

    [Fact]
    public void One_text_element_longer_than_a_message_is_cut_between_code_points()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("\u0301", 3000));

        var parts = WeComText.Split(text);

        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, part => Assert.InRange(Encoding.UTF8.GetByteCount(part), 1, WeComText.MaxMessageBytes));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("短消息", 1)]
    public void Short_text_is_one_part_and_empty_text_none(string text, int expected)
    {
        Assert.Equal(expected, WeComText.Split(text).Count);
    }

    [Fact]
    public void Text_of_exactly_the_limit_is_one_part()
    {
        var text = new string('中', WeComText.MaxMessageBytes / 3) + "ab";

        Assert.Equal(WeComText.MaxMessageBytes, Encoding.UTF8.GetByteCount(text));
        Assert.Single(WeComText.Split(text));
        Assert.Equal(2, WeComText.Split(text + "c").Count);
    }

    /// <summary>A draft-like text: numbered paragraphs of Chinese prose with some emoji, line breaks between.</summary>
    private static string Draft(int characters)
    {
        var text = new StringBuilder();
        for (var n = 1; text.Length < characters; n++)
        {
            text.Append(n).Append("、对照检查发现的问题：").Append(new string('查', n % 90 + 10)).Append("😀。整改措施按期完成。\n");
        }

        var draft = text.ToString(0, characters);
        return char.IsHighSurrogate(draft[^1]) ? draft[..^1] + "。" : draft;
    }
}
