using MeetingBot.Materials.Team;
using Xunit;

namespace MeetingBot.Materials.Tests.Team;

public sealed class TeamDraftTests
{
    private static readonly TeamDraftRenderer Renderer = new(new TeamDraftComposer(), TeamExample.Templates);

    private static readonly RenderedTeamDraft Draft = Renderer.Render(TeamExample.Meeting, TeamExample.Members);

    [Fact]
    public void The_same_checklist_problem_from_three_members_is_one_item_with_the_two_most_concrete_examples()
    {
        var learning = Draft.Model.Parts.Single(p => p.Title == "理论学习");
        var shared = learning.Problems[0];

        Assert.Equal(TeamExample.KeptStatement, shared.Statement);
        Assert.Equal(TeamExample.Names, shared.RaisedBy);
        Assert.Equal(
            ["比如，今年一季度3次中心组集中学习，有2次没有提前准备发言提纲", "研究老旧小区改造资金拨付时没有先学习政策文件，导致2个项目返工，多花费用12万元"],
            shared.Examples);
        Assert.Single(Draft.Text.Split(TeamExample.KeptStatement)[1..]);
        Assert.DoesNotContain("学习笔记只有4篇", Draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_in_a_members_own_words_stay_items_of_their_own()
    {
        var learning = Draft.Model.Parts.Single(p => p.Title == "理论学习");

        Assert.Equal(["党建与业务融合不够，抓党建的办法不多", "对青年干部传帮带不够"], learning.Problems.Skip(1).Select(p => p.Statement));
        Assert.Contains("二是党建与业务融合不够，抓党建的办法不多。", Draft.Text, StringComparison.Ordinal);
        Assert.Contains("三是对青年干部传帮带不够。", Draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_team_prose_names_no_member_even_where_a_member_wrote_a_colleagues_name()
    {
        Assert.All(TeamExample.Names, name => Assert.DoesNotContain(name, Draft.Text, StringComparison.Ordinal));

        // The 工作作风 item keeps the example that names no one; the showing naming a colleague is not the one kept.
        Assert.Contains("今年到基层调研只有3次", Draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("城南片区", Draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("提醒后才开始系统学习", Draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_planted_in_every_example_leave_the_item_with_a_gap_and_not_a_name()
    {
        var planted = TeamExample.Members.Select(m => m with
        {
            Draft = m.Draft with
            {
                Aspects = [.. m.Draft.Aspects.Select(a => a with { Problems = [.. a.Problems.Select(p => p with { Showing = MemberBuilder.Field("李红梅同志说过"), Example = MemberBuilder.Field($"与{m.Name}一起检查时发现3处问题") })] })],
            },
        }).ToArray();

        var text = Renderer.Render(TeamExample.Meeting, planted).Text;

        Assert.All(TeamExample.Names, name => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
        Assert.Contains("一是理论学习不够系统深入，存在以干代学、以忙挤学的情况。「待补充：具体表现和典型事例」", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclaimed_finding_appears_with_a_gap_and_is_listed_in_the_appendix()
    {
        Assert.Equal(["f4"], Draft.Model.Unclaimed.Select(f => f.Id));
        Assert.Contains("二是老旧小区改造项目推进缓慢，群众反映的问题回应不及时。「待补充：具体表现和典型事例」", Draft.Text, StringComparison.Ordinal);
        Assert.Contains("针对“老旧小区改造项目推进缓慢，群众反映的问题回应不及时”的问题，「待补充：整改措施」", Draft.Text, StringComparison.Ordinal);
        Assert.Contains("有1个无人认领", Draft.Appendix, StringComparison.Ordinal);
        Assert.Contains("· f4 老旧小区改造项目推进缓慢", Draft.Appendix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_appendix_names_who_raised_each_item_and_counts_the_members()
    {
        Assert.Contains("本次汇总了3名成员的材料：王建国、李红梅、赵志强。", Draft.Appendix, StringComparison.Ordinal);
        Assert.Contains("一是（f1）对下属单位财务监管不到位，专项资金使用绩效跟踪不够：李红梅、赵志强认领", Draft.Appendix, StringComparison.Ordinal);
        Assert.Contains("一是理论学习不够系统深入，存在以干代学、以忙挤学的情况：王建国、李红梅、赵志强提出", Draft.Appendix, StringComparison.Ordinal);
        Assert.Contains("三是对青年干部传帮带不够：李红梅提出", Draft.Appendix, StringComparison.Ordinal);
        Assert.Contains("（一）理想信念的根基还不够牢固：王建国、李红梅提出", Draft.Appendix, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_come_first_by_aspect_and_the_members_parts_follow_in_order_of_first_appearance()
    {
        var headings = Draft.Outline.Blocks.Where(b => b.Kind == Outline.BlockKind.Heading2).Select(b => b.Text).Take(4);

        Assert.Equal(["（一）落实全面从严治党主体责任方面", "（二）履行职能职责方面", "（三）理论学习方面", "（四）工作作风方面"], headings);
        Assert.Equal(["青山县住房和城乡建设局领导班子", "县委第二巡察组反馈意见整改专题民主生活会对照检查材料"], Draft.Outline.TitleLines);
        Assert.Contains("对照反馈的2个方面4个问题", Draft.Text, StringComparison.Ordinal);
        Assert.Contains("现由我代表领导班子报告如下。", Draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Causes_and_measures_are_merged_by_heading_with_the_checkable_commitments_first()
    {
        Assert.Equal(["理想信念的根基还不够牢固", "担当精神不够强", "宗旨意识有所淡化"], Draft.Model.Causes.Select(c => c.Heading));
        var learning = Assert.Single(Draft.Model.MeasureParts[0].Measures);
        Assert.Equal(
            ["每月自学原著不少于2次，每次中心组学习前写出发言提纲", "年底前围绕分管领域形成1篇调研报告", "坚持学原文、悟原理，把学习成果落到分管工作中"],
            learning.Commitments);
        var f1 = Draft.Model.FindingGroups[0].Findings[0];
        Assert.Equal(["2027年3月底前完成局属事业单位专项资金检查全覆盖", "每季度抽查1次局属单位资金使用情况"], f1.Measures);
    }

    [Fact]
    public void An_annual_meeting_has_no_findings_part_and_an_empty_one_says_what_is_missing()
    {
        var annual = Renderer.Render(TeamExample.Meeting with { Kind = "annual", Title = "2026年度民主生活会" }, TeamExample.Members);
        var empty = Renderer.Render(new TeamMeeting("", "", "organizational", [], ""), []);

        Assert.Empty(annual.Model.FindingGroups);
        Assert.Contains("（一）理论学习方面", annual.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("反馈", annual.Text, StringComparison.Ordinal);
        Assert.Contains("「待补充：存在的主要问题」", empty.Text, StringComparison.Ordinal);
        Assert.Contains("「待补充：单位名称」支部委员会", empty.Text, StringComparison.Ordinal);
        Assert.Contains("本次汇总了0名成员的材料。", empty.Appendix, StringComparison.Ordinal);
    }
}
