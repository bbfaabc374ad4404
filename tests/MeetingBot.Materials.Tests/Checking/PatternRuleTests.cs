using MeetingBot.Materials.Checking;
using Xunit;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary>The pattern rules of checks.yaml: placeholders and residue, markup, punctuation, each with what it must leave alone.</summary>
public sealed class PatternRuleTests
{
    [Theory]
    [InlineData("会前于x年x月x日召开了专题会议。", "x年x月x日")]
    [InlineData("开展谈心谈话XX人次。", "XX人次")]
    [InlineData("按照中共**县委的部署。", "**")]
    [InlineData("学习贯彻党的X中X会精神。", "X中X会")]
    [InlineData("××同志在会上指出。", "××")]
    [InlineData("根据（城巡办发〔x〕号）文件。", "x")]
    [InlineData("二是工作作风不实，「待补充：具体事例」。", "「待补充：具体事例」")]
    [InlineData("加强学习（公众号：某某素材库）。", "（公众号：某某素材库）")]
    [InlineData("需要请添加微信：abc_2023x", "微信：abc_2023x")]
    [InlineData("联系QQ：1379 649564即可", "QQ：1379 649564")]
    [InlineData("电话13912345678。", "13912345678")]
    [InlineData("详见https://example.com/a。", "https://example.com/a")]
    [InlineData("奋发有为##paidbegin##的精神", "##paidbegin##")]
    [InlineData("[【某某代笔服务】高质量代笔，直接添加客服]", "[【某某代笔服务】高质量代笔，直接添加客服]")]
    [InlineData("【某某素材库】每天更新，需要的请联系微信客服", "【某某素材库】每天更新，需要的请联系微信客服")]
    public void Placeholders_and_residue_are_found(string line, string expected)
    {
        Assert.Equal([expected], Shipped.Texts(line, FindingCategory.Placeholder));
    }

    [Theory]
    [InlineData("报销差旅费199178.99元，涉及2020年至2022年的账目。")]
    [InlineData("完成3×4个项目，box 和 max 都是英文。")]
    [InlineData("提高站位，推动高质量发展。")]
    [InlineData("组织学习《中国共产党纪律处分条例》。")]
    public void Ordinary_numbers_names_and_latin_words_are_no_placeholders(string line)
    {
        Assert.Empty(Shipped.Check(line));
    }

    [Fact]
    public void A_number_at_the_end_of_the_title_is_collection_residue_but_not_elsewhere()
    {
        Assert.Equal(["（2）"], Shipped.Texts("某局个人对照检查材料（2）\n正文。", FindingCategory.Placeholder));
        Assert.Empty(Shipped.Texts("某局个人对照检查材料\n正文提到第（2）条。", FindingCategory.Placeholder));
    }

    [Theory]
    [InlineData("要**切实**加强学习。", "**切实**")]
    [InlineData("# 一、存在的主要问题", "#")]
    [InlineData("学习<br>内容", "<br>")]
    [InlineData("学习&nbsp;内容", "&nbsp;")]
    [InlineData("详见[链接](http://example.com)。", "[链接](http://example.com)")]
    [InlineData("按照{{ name }}的要求", "{{ name }}")]
    public void Markdown_html_and_template_residue_is_markup(string line, string expected)
    {
        Assert.Equal([expected], Shipped.Texts(line, FindingCategory.Markup));
        Assert.Empty(Shipped.Texts(line, FindingCategory.Placeholder));
    }

    [Theory]
    [InlineData("学习不够深入,存在差距。", ",")]
    [InlineData("主要表现在:学用脱节。", ":")]
    [InlineData("县委(县政府)的要求", "(县政府)")]
    [InlineData("《关于印发<反馈意见>的通知》", "<反馈意见>")]
    [InlineData("落实\"第一议题\"制度", "\"")]
    [InlineData("落实“应救尽救”、“应退尽退”要求", "、")]
    [InlineData("加强学习，，提高认识", "，，")]
    public void Half_width_and_doubled_punctuation_in_chinese_text_is_found(string line, string expected)
    {
        Assert.Contains(expected, Shipped.Texts(line, FindingCategory.Punctuation));
    }

    [Theory]
    [InlineData("1.学习领会习近平总书记重要讲话精神不够。")]
    [InlineData("会议于10:30召开，共3.5小时。")]
    [InlineData("落实“三会一课”“主题党日”制度。")]
    public void Item_numbers_times_and_decimals_keep_their_half_width_marks(string line)
    {
        Assert.Empty(Shipped.Texts(line, FindingCategory.Punctuation));
    }

    [Fact]
    public void Residue_is_checked_for_nothing_else()
    {
        var findings = Shipped.Check("[【某某代笔服务】雪中送碳，直接添加客服微信：abcdef]");

        Assert.Equal(FindingCategory.Placeholder, Assert.Single(findings).Category);
    }
}
