using MeetingBot.Materials.Team;
using Xunit;

namespace MeetingBot.Materials.Tests.Team;

public sealed class RectificationListTests
{
    private static readonly IReadOnlyList<RectificationRow> Rows = new RectificationList().Rows(TeamExample.Meeting, TeamExample.Members);

    [Fact]
    public void Claimed_findings_come_first_by_the_findings_order_then_each_members_measures()
    {
        Assert.Equal(
            [("f1", "李红梅"), ("f1", "赵志强"), ("f2", "王建国"), ("f3", "赵志强"), (null, "王建国"), (null, "王建国"), (null, "李红梅"), (null, "赵志强"), (null, "赵志强")],
            Rows.Select(r => (r.FindingId, r.Owner)));
    }

    [Fact]
    public void A_findings_row_holds_the_finding_the_members_measure_and_the_deadline_they_wrote()
    {
        var row = Rows[0];

        Assert.Equal(TeamExample.Findings[0].Text, row.Problem);
        Assert.Equal(TeamExample.Findings[0].Text, row.Finding);
        Assert.Equal("2027年3月底前完成局属事业单位专项资金检查全覆盖", row.Measure);
        Assert.Equal("2027年3月底前", row.Deadline);
        Assert.Equal("每季度", Rows[1].Deadline);
        Assert.Equal("6月底前", Rows[3].Deadline);
    }

    [Fact]
    public void A_measure_not_written_yet_is_a_row_without_measure_or_deadline()
    {
        Assert.Equal((null, null), (Rows[2].Measure, Rows[2].Deadline));
        Assert.Equal((null, null, "沉到基层察实情"), (Rows[8].Measure, Rows[8].Deadline, Rows[8].Heading));
    }

    [Fact]
    public void A_problems_row_names_the_members_problems_of_the_part_and_joins_heading_and_commitment()
    {
        var row = Rows[4];

        Assert.Equal("学习不够系统；党建与业务融合不够，抓党建的办法不多", row.Problem);
        Assert.Equal("在加强理论武装上下功夫。每月自学原著不少于2次，每次中心组学习前写出发言提纲", row.Measure);
        Assert.Equal("每月", row.Deadline);
        Assert.Equal("年底前", Rows[7].Deadline);
        Assert.Null(row.FindingId);
    }

    [Theory]
    [InlineData("2027年3月底前完成全覆盖", "2027年3月底前")]
    [InlineData("确保2026年12月31日前全部办结", "2026年12月31日前")]
    [InlineData("每月调度1次，6月底前拿出解决方案", "6月底前")]
    [InlineData("三月份前完成台账", "三月份前")]
    [InlineData("年底前形成1篇调研报告", "年底前")]
    [InlineData("每季度到基层蹲点不少于3天", "每季度")]
    [InlineData("对照问题清单长期坚持、抓常抓长", "长期坚持")]
    [InlineData("2025年对局属单位的检查只覆盖了一半，今后加强检查", null)]
    [InlineData("进一步加强学习", null)]
    public void The_deadline_is_read_as_the_member_wrote_it(string measure, string? deadline) =>
        Assert.Equal(deadline, Deadlines.Read(measure));
}
