using MeetingBot.Materials.Team;
using Xunit;

namespace MeetingBot.Materials.Tests.Team;

/// <summary>The chat views of the secretary, rendered through the repository's templates (loading them renders every sample).</summary>
public sealed class TeamTemplatesTests
{
    [Fact]
    public void The_similarity_report_names_both_members_and_shortens_the_passages()
    {
        var passage = "2025年下半年，城南片区3个老旧小区改造项目因设计变更停工2个月，群众多次到局里反映，我们没有及时召开协调会";
        var text = SimilarityReport.Render(TeamExample.Templates, [new SimilarPassage("担当作为", "u-qian", "钱文华", passage, "u-sun", "孙丽", passage, 100)]);

        Assert.Contains("发现1处", text, StringComparison.Ordinal);
        Assert.Contains("1. 钱文华与孙丽，相似度100%（存在的主要问题：担当作为）", text, StringComparison.Ordinal);
        Assert.Contains("孙丽：2025年下半年，城南片区", text, StringComparison.Ordinal);
        Assert.DoesNotContain("召开协调会", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_similarity_report_says_when_nothing_was_found()
    {
        Assert.Equal("雷同检查：已提交的材料之间未发现高度相似的段落。", SimilarityReport.Render(TeamExample.Templates, []).Trim());
    }

    [Fact]
    public void The_rectification_list_is_one_numbered_entry_per_row_with_gaps_marked()
    {
        var rows = new RectificationList().Rows(TeamExample.Meeting, TeamExample.Members);

        var text = RectificationReport.Render(TeamExample.Templates, rows);

        Assert.Contains("整改清单：共9项。", text, StringComparison.Ordinal);
        Assert.Contains("1. 问题：对下属单位财务监管不到位，专项资金使用绩效跟踪不够（反馈问题 f1）\n整改措施：2027年3月底前完成局属事业单位专项资金检查全覆盖\n责任人：李红梅\n完成时限：2027年3月底前", text, StringComparison.Ordinal);
        Assert.Contains("整改措施：「待补充：整改措施」\n责任人：王建国\n完成时限：「待补充」", text, StringComparison.Ordinal);
        Assert.Contains("9. 问题：深入基层不够\n整改措施：沉到基层察实情。「待补充：具体措施」", text, StringComparison.Ordinal);
    }
}
