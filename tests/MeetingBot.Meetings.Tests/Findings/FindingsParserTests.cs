using MeetingBot.Meetings.Findings;
using Xunit;

namespace MeetingBot.Meetings.Tests.Findings;

/// <summary>Feedback as secretaries paste it from the inspection's notice: numbered, grouped, wrapped, untidy.</summary>
public sealed class FindingsParserTests
{
    private static IReadOnlyList<Finding> Parse(string text)
    {
        Assert.True(FindingsParser.TryParse(text, out var findings));
        return findings;
    }

    [Fact]
    public void Numbered_findings_under_numbered_aspects_keep_their_aspect_and_get_ids_in_order()
    {
        var findings = Parse("""
            一、贯彻落实党的路线方针政策方面
            1. 低保动态管理不到位，部分对象未按期复核
            二、落实全面从严治党责任方面
            2. 专项资金监管不严，存在多发冒领
            """);

        Assert.Equal(
            [
                new Finding("f1", "贯彻落实党的路线方针政策方面", "低保动态管理不到位，部分对象未按期复核"),
                new Finding("f2", "落实全面从严治党责任方面", "专项资金监管不严，存在多发冒领"),
            ],
            findings);
    }

    [Fact]
    public void Full_width_numbering_blank_lines_wrapped_lines_and_a_closing_dengwenti_are_tolerated()
    {
        var findings = Parse("""
            （一）学习贯彻党的创新理论方面：

            （１）党组理论学习中心组学习计划执行不严格，2025年有3次集中学习
            未按计划开展。
            (2)对上级重大决策部署研究不深，结合本地实际制定措施不够等问题。

            （二）落实中央八项规定精神方面
            １．公务接待审批把关不严，存在无公函接待等问题；
            2、机关食堂经费核算不规范
            """);

        Assert.Equal(["学习贯彻党的创新理论方面", "学习贯彻党的创新理论方面", "落实中央八项规定精神方面", "落实中央八项规定精神方面"], findings.Select(f => f.Aspect));
        Assert.Equal(
            [
                "党组理论学习中心组学习计划执行不严格，2025年有3次集中学习未按计划开展",
                "对上级重大决策部署研究不深，结合本地实际制定措施不够",
                "公务接待审批把关不严，存在无公函接待",
                "机关食堂经费核算不规范",
            ],
            findings.Select(f => f.Text));
        Assert.Equal(["f1", "f2", "f3", "f4"], findings.Select(f => f.Id));
    }

    [Fact]
    public void A_paragraph_counted_yishi_ershi_gives_one_finding_for_each()
    {
        var findings = Parse("""
            一、关于落实意识形态工作责任制
            一是意识形态工作专题研究次数偏少；二是对所属单位阵地管理督导不够。三是网络舆情应对预案更新不及时。
            """);

        Assert.Equal(["意识形态工作专题研究次数偏少", "对所属单位阵地管理督导不够", "网络舆情应对预案更新不及时"], findings.Select(f => f.Text));
        Assert.All(findings, f => Assert.Equal("关于落实意识形态工作责任制", f.Aspect));
    }

    [Fact]
    public void Circled_numbers_and_unnumbered_aspect_lines_ending_in_fangmian_are_read()
    {
        var findings = Parse("""
            在基层党组织建设方面
            ①部分支部“三会一课”记录不全
            ②发展党员程序不规范
            在选人用人方面：
            ③干部档案专项审核发现问题整改不彻底
            """);

        Assert.Equal(["在基层党组织建设方面", "在基层党组织建设方面", "在选人用人方面"], findings.Select(f => f.Aspect));
        Assert.Equal("干部档案专项审核发现问题整改不彻底", findings[2].Text);
    }

    [Fact]
    public void Below_numbered_parts_a_bracketed_line_that_is_no_aspect_is_a_finding()
    {
        var findings = Parse("""
            一、落实管党治党政治责任方面
            （一）对下属事业单位监督不到位
            （二）廉政风险点排查流于形式
            """);

        Assert.Equal(["对下属事业单位监督不到位", "廉政风险点排查流于形式"], findings.Select(f => f.Text));
        Assert.All(findings, f => Assert.Equal("落实管党治党政治责任方面", f.Aspect));
    }

    [Fact]
    public void One_finding_a_line_without_aspect_lines_is_one_unnamed_aspect()
    {
        var findings = Parse("养老机构消防安全隐患整改滞后\r\n\r\n 1.5万元慰问金发放台账不完整 \r\n");

        Assert.Equal([new Finding("f1", "", "养老机构消防安全隐患整改滞后"), new Finding("f2", "", "1.5万元慰问金发放台账不完整")], findings);
    }

    [Fact]
    public void Parts_numbered_with_nothing_below_them_are_themselves_the_findings()
    {
        var findings = Parse("一、临时救助审批时限超期\n二、福利彩票公益金项目绩效评价缺失");

        Assert.Equal(["临时救助审批时限超期", "福利彩票公益金项目绩效评价缺失"], findings.Select(f => f.Text));
        Assert.All(findings, f => Assert.Equal("", f.Aspect));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\u3000\n")]
    [InlineData("1.\n（2）\n等问题。")]
    public void A_text_without_findings_is_refused(string text) => Assert.False(FindingsParser.TryParse(text, out _));
}
