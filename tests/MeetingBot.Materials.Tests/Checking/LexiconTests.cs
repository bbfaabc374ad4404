using MeetingBot.Materials.Checking;
using Xunit;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary>Words, set expressions and set phrases: the dictionary lookups, with their context rules.</summary>
public sealed class LexiconTests
{
    [Theory]
    [InlineData("防止四风问题反弹回湖。", "回湖", "改为“回潮”")]
    [InlineData("政治站住不高。", "站住", "改为“站位”")]
    [InlineData("为群众雪中送碳。", "雪中送碳", "改为“雪中送炭”")]
    [InlineData("学习蜻蜒点水。", "蜻蜒点水", "改为“蜻蜓点水”")]
    [InlineData("要契而不舍。", "契而不舍", "改为“锲而不舍”")]
    [InlineData("文号絮乱。", "絮乱", "改为“紊乱”")]
    [InlineData("截止目前已完成。", "截止", "改为“截至”")]
    [InlineData("盘点制度不卫生。", "不卫生", "改为“不健全”")]
    [InlineData("开展作风集中政治。", "集中政治", "改为“集中整治”")]
    public void Wrong_words_are_found_with_their_correction(string line, string wrong, string suggestion)
    {
        var finding = Assert.Single(Shipped.Check(line));

        Assert.Equal((FindingCategory.WrongWord, wrong, suggestion), (finding.Category, finding.Text, finding.Suggestion));
        Assert.NotEmpty(finding.Note);
    }

    [Theory]
    [InlineData("站住脚跟，守住底线。")]
    [InlineData("报名于5月截止。")]
    [InlineData("他返回湖南老家。")]
    [InlineData("深入学习贯彻落实。")]
    [InlineData("财政积极支持，企业积极参与。")]
    [InlineData("压力层层传导至基层，引导至正确方向。")]
    [InlineData("走正规化道路。")]
    [InlineData("创建全国文明城市。")]
    public void Look_alikes_in_their_right_context_are_left_alone(string line)
    {
        Assert.Empty(Shipped.Check(line));
    }

    [Theory]
    [InlineData("增强“三个自信”。", "三个自信")]
    [InlineData("树牢“四个意识”，做到“两个拥护”。", "两个拥护")]
    [InlineData("落实中央八规定精神。", "中央八规定")]
    [InlineData("严格执行“一岗双职”。", "一岗双职")]
    [InlineData("坚持“三大一重”集体决策。", "三大一重")]
    [InlineData("严格落实“第议一题”制度。", "第议一题")]
    [InlineData("增强“四意识”。", "四意识")]
    [InlineData("坚持以习近平总书记为核心的党中央。", "以习近平总书记为核心的党中央")]
    public void Set_expressions_written_wrong_are_fixed_expression_findings(string line, string wrong)
    {
        Assert.Equal([wrong], Shipped.Texts(line, FindingCategory.FixedExpression));
    }

    [Theory]
    [InlineData("增强四意识。")]
    [InlineData("坚持以人为中心的城镇化。")]
    [InlineData("坚决做到“两个维护”，深刻领悟“两个确立”。")]
    public void Short_variants_outside_quotes_and_allowed_forms_are_left_alone(string line)
    {
        Assert.Empty(Shipped.Check(line));
    }

    [Theory]
    [InlineData("学习十九届历次全精神。", "历次全精神", FindingCategory.MissingChar)]
    [InlineData("部分班子自成员认识不够。", "班子自成员", FindingCategory.ExtraChar)]
    [InlineData("要锲而不名舍。", "锲而不名舍", FindingCategory.ExtraChar)]
    public void Set_phrases_with_a_character_missing_or_extra_are_found(string line, string text, FindingCategory category)
    {
        Assert.Equal([text], Shipped.Texts(line, category));
    }

    [Theory]
    [InlineData("班子各成员，学用相结合，整改不落实的问题。")]
    [InlineData("原原本本学，逐字逐句悟。")]
    public void Characters_that_belong_inside_a_phrase_are_no_extra_character(string line)
    {
        Assert.Empty(Shipped.Check(line));
    }
}
