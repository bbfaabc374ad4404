using MeetingBot.Materials.Checking;
using Xunit;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary>Other people's names are found; the author's, the leaders' and the models' are not, nor words that start like a surname.</summary>
public sealed class PrivacyTests
{
    [Theory]
    [InlineData("向时任分管副书记李才华同志口头请示。", "李才华")]
    [InlineData("该项工作指定给救助科黄定超负责。", "黄定超")]
    [InlineData("事后向王明同志作了汇报。", "王明")]
    [InlineData("会同欧阳晓明局长研究。", "欧阳晓明")]
    [InlineData("由办公室主任刘洋牵头办理。", "刘洋")]
    public void A_full_name_before_a_title_or_after_a_post_is_found(string line, string name)
    {
        Assert.Equal([name], Shipped.Texts("某局对照检查材料\n" + line, FindingCategory.Privacy));
    }

    [Theory]
    [InlineData("坚决维护以习近平同志为核心的党中央权威。")]
    [InlineData("恳请同志们批评指正。")]
    [InlineData("学习雷锋同志、焦裕禄同志的精神。")]
    [InlineData("许多同志反映，周边同志也有同感。")]
    [InlineData("全体同志、个别同志、年轻同志。")]
    [InlineData("常务副局长、常委会主任高度重视。")]
    [InlineData("科室负责人、中心负责同志、股室负责。")]
    public void Set_phrases_groups_and_public_figures_are_no_private_names(string line)
    {
        Assert.Empty(Shipped.Texts("某局对照检查材料\n" + line, FindingCategory.Privacy));
    }

    [Fact]
    public void The_author_named_in_the_title_or_the_options_is_not_reported()
    {
        const string Text = "县自然资源局副局长王强\n年度民主生活会个人对照检查材料\n会上，王强同志作了检查。\n张红同志提出了意见。";

        Assert.Equal(["张红"], Shipped.Texts(Text, FindingCategory.Privacy));
        Assert.Empty(Shipped.Texts(Text, FindingCategory.Privacy, new CheckOptions { Authors = ["张红"] }));
    }
}
