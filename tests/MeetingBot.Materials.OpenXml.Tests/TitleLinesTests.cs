using Microsoft.Extensions.Options;
using Xunit;

namespace MeetingBot.Materials.OpenXml.Tests;

public sealed class TitleLinesTests
{
    /// <summary>What a title line holds with the defaults: 8845 twips of type area over 22 pt (440 twips).</summary>
    private static readonly double Capacity = new WordPageLayout(new WordLayoutOptions()).TitleLineCapacity;

    [Fact]
    public void A_title_line_of_2hao_holds_twenty_characters()
    {
        Assert.Equal(8845.0 / 440, Capacity, precision: 6);
    }

    [Fact]
    public void A_line_that_fits_stays_as_given()
    {
        Assert.Equal(["市住房和城乡建设局党组成员、副局长陈立新"], TitleLines.Split("市住房和城乡建设局党组成员、副局长陈立新", Capacity));
    }

    [Fact]
    public void A_line_too_long_breaks_before_the_genres_closing_words_when_that_is_nearly_as_even()
    {
        // 21 characters: the most even split is 11 + 10; 13 + 8 is within two characters of it.
        Assert.Equal(["巡视巡察整改专题民主生活会", "个人对照检查材料"], TitleLines.Split("巡视巡察整改专题民主生活会个人对照检查材料", Capacity));
    }

    [Fact]
    public void A_party_group_ends_a_line_a_phrase_opened_by_guanyu_starts_one_and_de_ends_one()
    {
        // 26 characters each: 13 + 13 would be even, 11 + 15 and 12 + 14 read better and are near enough.
        Assert.Equal(
            ["市住房和城乡建设局党组", "关于落实巡视整改任务的工作方案"],
            TitleLines.Split("市住房和城乡建设局党组关于落实巡视整改任务的工作方案", Capacity));
        Assert.Equal(
            ["某某区委理论学习中心组的", "专题学习研讨交流发言材料汇编"],
            TitleLines.Split("某某区委理论学习中心组的专题学习研讨交流发言材料汇编", Capacity));
    }

    [Fact]
    public void Without_a_natural_break_near_the_middle_the_halves_are_as_even_as_possible()
    {
        // 的 comes only two characters from the end: too uneven to be taken.
        Assert.Equal(
            ["加强基层组织建设推进全面", "从严治党向纵深发展的意见"],
            TitleLines.Split("加强基层组织建设推进全面从严治党向纵深发展的意见", Capacity));
    }

    [Fact]
    public void Digits_count_half_and_a_number_is_never_split()
    {
        Assert.Equal(3, TitleLines.Width("2025年"));
        Assert.Equal(
            ["某局党组成员、副局长张某2025", "年度民主生活会个人对照检查材料"],
            TitleLines.Split("某局党组成员、副局长张某2025年度民主生活会个人对照检查材料", Capacity));
    }

    [Fact]
    public void A_line_never_starts_with_a_closing_mark_nor_ends_with_an_opening_one()
    {
        // The even splits would put 、 first on the second line, or leave （ last on the first.
        Assert.Equal(
            ["一二三四五六七八九十、", "一二三四五六七八九十"],
            TitleLines.Split("一二三四五六七八九十、一二三四五六七八九十", Capacity));
        Assert.Equal(
            ["一二三四五六七八九十", "（一二三四五六七八九十一"],
            TitleLines.Split("一二三四五六七八九十（一二三四五六七八九十一", Capacity));
    }

    [Fact]
    public void A_line_too_long_for_two_lines_is_split_again_until_every_line_fits()
    {
        var title = "市住房和城乡建设局党组成员、副局长陈立新巡视巡察整改专题民主生活会个人对照检查材料";

        var lines = TitleLines.Split(title, Capacity).ToList();

        Assert.Equal(["市住房和城乡建设局党组成员、副局长陈立新", "巡视巡察整改专题民主生活会", "个人对照检查材料"], lines);
        Assert.All(lines, line => Assert.True(TitleLines.Width(line) <= Capacity));
    }

    [Fact]
    public void The_writer_keeps_the_title_lines_it_was_given()
    {
        var outline = Materials.Outline.OutlineMarkup.Parse("= 某局党组成员、副局长\n= 张某个人对照检查材料\n正文。");

        using var docx = Docx.Open(new WordDocumentWriter(Options.Create(new WordLayoutOptions())).Write(outline));

        Assert.Equal([("Title", "某局党组成员、副局长"), ("Title", "张某个人对照检查材料")], docx.Paragraphs().Take(2));
    }
}
