using MeetingBot.Dialogs.Engine;
using Xunit;

namespace MeetingBot.Dialogs.Tests;

public sealed class AnswerParserTests
{
    private static readonly NumberedOption[] Options =
    [
        new(1, "a", "学习不够系统", false),
        new(2, "b", "学用结合不紧", false),
        new(3, "c", "带学作用不够", true),
        new(4, "other", "其他", false),
    ];

    [Theory]
    [InlineData("1 3", "a c")]
    [InlineData("1,3", "a c")]
    [InlineData("1，3", "a c")]
    [InlineData("1、3", "a c")]
    [InlineData(" 3  1 ", "a c")]
    [InlineData("１、３", "a c")]
    [InlineData("2", "b")]
    [InlineData("学用结合不紧", "b")]
    [InlineData("学习不够系统、其他", "a other")]
    [InlineData("1 1 1", "a")]
    [InlineData("一、三", "a c")]
    [InlineData("二", "b")]
    public void Reads_numbers_and_option_texts(string typed, string expectedIds)
    {
        var selected = AnswerParser.ParseSelection(typed, Options);

        Assert.NotNull(selected);
        Assert.Equal(expectedIds.Split(' '), selected.Select(o => o.Id));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("1 9")]
    [InlineData("第一个")]
    [InlineData("")]
    [InlineData("1 学习")]
    [InlineData("五")]
    public void Refuses_anything_not_an_option(string typed) => Assert.Null(AnswerParser.ParseSelection(typed, Options));

    [Theory]
    [InlineData("12", "条", 12)]
    [InlineData("12条", "条", 12)]
    [InlineData("１２ 人次", "人次", 12)]
    [InlineData("0", null, 0)]
    [InlineData("二十三", "人次", 23)]
    [InlineData("二十三人次", "人次", 23)]
    [InlineData("两", null, 2)]
    [InlineData("十二条", "条", 12)]
    [InlineData("一百零五", null, 105)]
    [InlineData("三十", null, 30)]
    [InlineData("二〇二五", null, 2025)]
    public void Reads_whole_numbers_with_their_unit(string typed, string? unit, int expected) =>
        Assert.Equal(expected, AnswerParser.ParseNumber(typed, unit));

    [Theory]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData("12个")]
    [InlineData("几十")]
    [InlineData("二十多")]
    public void Refuses_what_is_not_a_whole_number(string typed) => Assert.Null(AnswerParser.ParseNumber(typed, "条"));
}
