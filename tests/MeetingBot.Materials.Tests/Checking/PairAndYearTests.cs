using MeetingBot.Materials.Checking;
using Xunit;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary>Paired punctuation within a paragraph, and congresses and plenums against the material's year.</summary>
public sealed class PairAndYearTests
{
    [Fact]
    public void A_quotation_inside_a_quotation_with_the_same_marks_is_found_at_its_inner_pair()
    {
        Assert.Equal(["“四个意识”"], Shipped.Texts("他说：“要树牢“四个意识”。”", FindingCategory.Punctuation));
        Assert.Empty(Shipped.Texts("他说：“要树牢‘四个意识’。”", FindingCategory.Punctuation));
    }

    [Theory]
    [InlineData("落实（一岗双责要求。", "（")]
    [InlineData("落实一岗双责）要求。", "）")]
    [InlineData("学习《条例的规定。", "《")]
    [InlineData("做到“两个维护。", "“")]
    public void A_mark_without_its_partner_is_found(string line, string mark)
    {
        Assert.Equal([mark], Shipped.Texts(line, FindingCategory.Punctuation));
    }

    [Theory]
    [InlineData("2023年度民主生活会个人对照检查材料\n会前学习了党的二十届三中全会精神。", "二十届三中全会")]
    [InlineData("2024年度民主生活会个人对照检查材料\n会前学习了党的二十届四中全会精神。", "二十届四中全会")]
    [InlineData("2024年度民主生活会个人对照检查材料\n会前学习了党的二十届五中全会精神。", "二十届五中全会")]
    [InlineData("某局对照检查材料\n会前学习了党的二十届三中全会精神。\n\n2024年1月10日", "二十届三中全会")]
    [InlineData("某局对照检查材料\n2025年，本人深入学习贯彻党的十九届六中全会精神。", "十九届六中全会")]
    public void A_meeting_not_held_yet_or_out_of_date_for_the_year_is_a_year_finding(string text, string meeting)
    {
        Assert.Equal([meeting], Shipped.Texts(text, FindingCategory.Year));
    }

    [Theory]
    [InlineData("2024年度民主生活会个人对照检查材料\n会前学习了党的二十届三中全会精神。")]
    [InlineData("2025年度民主生活会个人对照检查材料\n会前学习了党的二十届五中全会精神。")]
    [InlineData("2022年度民主生活会个人对照检查材料\n会前学习了党的二十届二中全会精神。")]
    [InlineData("某局对照检查材料\n会前学习了党的二十届四中全会精神。")]
    [InlineData("某局对照检查材料\n2025年，本人深入学习贯彻党的二十大和十九届历次全会精神。")]
    [InlineData("某局对照检查材料\n2025年，回顾党的十九届六中全会通过的历史决议。")]
    [InlineData("某局对照检查材料\n2020年，本人深入学习贯彻党的十九届五中全会精神。")]
    public void Meetings_held_by_the_material_s_time_are_left_alone(string text)
    {
        Assert.Empty(Shipped.Texts(text, FindingCategory.Year));
    }

    [Fact]
    public void The_year_option_stands_for_a_year_the_text_does_not_state()
    {
        const string Text = "某局对照检查材料\n会前学习了党的二十届四中全会精神。";

        Assert.Equal(["二十届四中全会"], Shipped.Texts(Text, FindingCategory.Year, new CheckOptions { Year = 2024 }));
        Assert.Empty(Shipped.Texts(Text, FindingCategory.Year, new CheckOptions { Year = 2025 }));
    }

    [Fact]
    public void The_note_says_when_the_meeting_was_held()
    {
        var finding = Assert.Single(Shipped.Check("2023年度民主生活会个人对照检查材料\n会前学习了党的二十届三中全会精神。"));

        Assert.Equal("二十届三中全会于2024年7月召开，材料写于2023年，当时还没有召开。", finding.Note);
    }
}
