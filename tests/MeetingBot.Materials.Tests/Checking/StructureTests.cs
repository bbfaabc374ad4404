using MeetingBot.Materials.Checking;
using Xunit;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary>Problems with examples, checkable measures, causes that explain problems, numbering, and sentences cut by line breaks.</summary>
public sealed class StructureTests
{
    [Fact]
    public void A_problem_without_a_concrete_example_is_a_specificity_finding()
    {
        var text = Shipped.Material(problems: "（一）理论学习方面\n一是学习不够深入。学习缺少计划。二是学用脱节。比如，今年3次中心组学习我有2次没有准备发言提纲。");

        Assert.Equal(["一是学习不够深入"], Shipped.Texts(text, FindingCategory.Specificity));
    }

    [Theory]
    [InlineData("一是落实“四个意识”“两个维护”不到位，一岗双责落实不够，八项规定执行有偏差。")]
    [InlineData("一是调研不够，八小时之外监督缺位，只顾一亩三分地。")]
    public void Numbers_inside_set_phrases_are_no_example(string problem)
    {
        Assert.Single(Shipped.Texts(Shipped.Material(problems: problem), FindingCategory.Specificity));
    }

    [Theory]
    [InlineData("一是推进不力。比如，去年受理的投诉中有五件超期办结。")]
    [InlineData("一是推进不力。比如，《医疗救助服务协议》签订后未到实地检查。")]
    [InlineData("一是推进不力。比如，殡仪馆建设作为“十三五”项目至今未完工。")]
    [InlineData("一是推进不力。比如，「待补充：具体事例」。")]
    public void Numbers_dates_named_documents_and_gap_markers_make_an_item_concrete(string problem)
    {
        Assert.Empty(Shipped.Texts(Shipped.Material(problems: problem), FindingCategory.Specificity));
    }

    [Fact]
    public void A_measure_without_number_frequency_or_deadline_is_a_specificity_finding()
    {
        var text = Shipped.Material(measures: "（一）加强理论学习。坚持学习，提高认识。\n（二）改进作风。每季度到基层调研不少于3天。\n（三）严守纪律。年底前完成专项检查。");

        Assert.Equal(["（一）加强理论学习"], Shipped.Texts(text, FindingCategory.Specificity));
    }

    [Fact]
    public void A_commitment_inside_the_problems_is_a_structure_finding()
    {
        var text = Shipped.Material(problems: "一是学习不够。比如，今年只参加2次学习。下一步，我将认真学习。", measures: "（一）下一步，我将每月学习2次。");

        Assert.Equal(["下一步，我将认真学习"], Shipped.Texts(text, FindingCategory.Structure));
    }

    [Fact]
    public void Counting_from_一是_again_inside_an_item_is_a_structure_finding()
    {
        var text = Shipped.Material(problems: "（一）担当方面。一是推进不力，比如2次。二是整改不及时。一是发现机制缺乏，比如1次；二是超期，比如3天。三是培训不够，比如1次。\n（二）作风方面。一是调研少，比如2次。");

        var finding = Assert.Single(Shipped.Check(text), f => f.Category == FindingCategory.Structure);
        Assert.Equal(("一是", 3, 29), (finding.Text, finding.Line, finding.Column));
    }

    [Fact]
    public void A_sentence_cut_by_a_line_break_is_a_structure_finding()
    {
        var text = Shipped.Material(causes: "（一）学习不够。领导班子在政治理\n论学习方面还有差距。\n（二）作风不实。");

        Assert.Equal(["在政治理"], Shipped.Texts(text, FindingCategory.Structure));
    }

    [Fact]
    public void A_cause_about_an_aspect_no_problem_mentions_is_a_structure_finding()
    {
        const string Problems = "一是学习不够深入。比如，今年只参加2次集中学习。";

        Assert.Equal(["（二）宗旨意识淡化"], Shipped.Texts(Shipped.Material(Problems, causes: "（一）理论武装不够。\n（二）宗旨意识淡化。"), FindingCategory.Structure));
        Assert.Empty(Shipped.Texts(Shipped.Material(Problems + "二是联系群众不够，比如2次。", causes: "（一）理论武装不够。\n（二）宗旨意识淡化。"), FindingCategory.Structure));
    }
}
