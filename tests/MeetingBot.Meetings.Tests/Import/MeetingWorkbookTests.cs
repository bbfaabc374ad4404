using MeetingBot.Meetings.Import;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Meetings.Tests.Import;

/// <summary>A meeting from a workbook's sheets as a secretary keeps them: the roster's columns in their own order, the facts as 项目 and 内容.</summary>
public sealed class MeetingWorkbookTests
{
    private static readonly MeetingSheet Facts = Sheet("会议信息",
        ["项目", "内容"],
        ["类别", "巡察整改专题"],
        ["名称", "青山县民政局党组巡察整改专题民主生活会"],
        ["单位", "青山县民政局党组"],
        ["时间", "2026-12-20 09:00"],
        ["地点", "局机关三楼会议室"],
        ["截止时间：", "2026-12-15 18:00"],
        [],
        ["反馈问题", "一、贯彻落实党的路线方针政策方面\n1. 低保动态管理不到位，部分对象未按期复核\n二、落实全面从严治党责任方面\n2. 专项资金监管不严，存在多发冒领"]);

    private static readonly MeetingSheet Roster = Sheet("班子成员",
        ["青山县民政局党组民主生活会人员名单"],
        ["序号", "角色", "姓名", "账号", "分管工作", "职务", "备注"],
        ["1", "秘书", "王　敏", "test:sec-1", "", "办公室主任"],
        ["2", "", "李卫东", "test:m-1、wecom:liweidong", "社会救助、养老服务", "党组成员、副局长", "请假一天"],
        ["3"],
        ["4", "成员", "赵红", "msteams:8c0f-aad", "", "副局长"]);

    [Fact]
    public void The_roster_and_the_facts_make_the_same_meeting_as_the_documented_yaml()
    {
        var meeting = Read(Facts, Roster);

        Assert.Equal(MeetingKind.LocalInspection, meeting.Kind);
        Assert.Equal(("青山县民政局党组巡察整改专题民主生活会", "青山县民政局党组", "局机关三楼会议室"), (meeting.Title, meeting.Unit, meeting.Place));
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.FromHours(8)), meeting.HeldAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 18, 0, 0, TimeSpan.FromHours(8)), meeting.Deadline);
        Assert.Equal(["f1", "f2"], meeting.Findings.Select(f => f.Id));
        Assert.Equal(
            [("王敏", MeetingRole.Secretary, "办公室主任"), ("李卫东", MeetingRole.Member, "党组成员、副局长"), ("赵红", MeetingRole.Member, "副局长")],
            meeting.People.Select(p => (p.Name, p.Role, p.Post)));
        Assert.Equal("社会救助、养老服务", meeting.People[1].Areas);
        Assert.Null(meeting.People[0].Areas);
        Assert.Equal([new ChannelIdentity("test", "m-1"), new ChannelIdentity("wecom", "liweidong")], meeting.People[1].Accounts);
    }

    [Fact]
    public void The_sheets_may_come_in_any_order()
    {
        Assert.Equal(3, Read(Roster, Facts).People.Count);
    }

    [Fact]
    public void Problems_name_the_sheet_the_row_and_the_column()
    {
        var roster = Sheet("班子成员",
            ["姓名", "角色", "账号"],
            ["王敏", "秘书", "test:sec-1"],
            ["", "成员", "test:m-1"],
            ["李卫东", "组长", "test:m-2 wechat:lwd"]);
        var facts = Sheet("会议信息",
            ["项目", "内容"],
            ["类别", "年度"],
            ["名称", "2026年度民主生活会"],
            ["会议时间", "2026-12-20 09:00"],
            ["名称", "重复的名称"],
            ["截止时间", "12月15日"]);

        var problems = Problems(facts, roster);

        Assert.Equal(
            [
                "名单.xlsx 工作表“会议信息”第4行A列：项目“会议时间”无法识别，可填写的项目有：类别、名称、单位、时间、地点、截止时间、反馈问题、对照主题、对照标题、时区、邀请码。",
                "名单.xlsx 工作表“会议信息”第5行A列：项目“名称”填写了两次。",
                "名单.xlsx 工作表“会议信息”：缺少项目“单位”，请补充填写。",
                "名单.xlsx 工作表“班子成员”第3行A列：“姓名”不能为空。",
                "名单.xlsx 工作表“班子成员”第4行B列：角色“组长”无法识别，应填写“秘书”“成员”，不填即为成员。",
                "名单.xlsx 工作表“会议信息”第6行B列：时间“12月15日”无法识别，请按“2026-12-20 09:00”的格式填写日期和时刻。",
                "名单.xlsx 工作表“班子成员”第4行C列：账号“wechat:lwd”格式有误，应写作“渠道:用户ID”，渠道为 msteams、wecom、web、test、emulator 之一。",
            ],
            problems);
    }

    [Fact]
    public void A_roster_without_accounts_column_or_secretary_is_refused()
    {
        var problems = Problems(Facts, Sheet("名单", ["姓名", "职务", "职务"], ["李卫东", "副局长"]));

        Assert.Equal(
            [
                "名单.xlsx 工作表“名单”第1行C列：列标题“职务”出现了两次。",
                "名单.xlsx 工作表“名单”：缺少“账号”列。",
                "名单.xlsx 工作表“名单”：名单中没有秘书，请至少指定一名秘书。",
            ],
            problems);
    }

    [Fact]
    public void A_workbook_without_the_two_sheets_says_what_it_looks_for()
    {
        Assert.Equal(
            [
                "名单.xlsx：找不到会议信息：需要一个首行为“项目”“内容”两列的工作表。",
                "名单.xlsx：找不到人员名单：需要一个首行为列标题、至少含“姓名”“账号”列的工作表。",
            ],
            Problems(Sheet("Sheet1", ["序号", "名字"])));
    }

    private static MeetingSheet Sheet(string name, params string[][] rows) => new(name, rows);

    private static MeetingDefinition Read(params MeetingSheet[] sheets) => MeetingContent.Reader.ReadWorkbook("名单.xlsx", sheets);

    private static IReadOnlyList<string> Problems(params MeetingSheet[] sheets) => Assert.Throws<MeetingFileException>(() => Read(sheets)).Problems;
}
