using MeetingBot.Materials.OpenXml.Spreadsheets;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Import;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Materials.OpenXml.Tests.Spreadsheets;

/// <summary>A workbook as a secretary keeps it, typed in a spreadsheet program, imports as a meeting.</summary>
public sealed class MeetingWorkbookImportTests
{
    [Fact]
    public void A_roster_and_the_facts_typed_in_a_spreadsheet_import_with_their_dates()
    {
        var workbook = new XlsxBuilder()
            .Sheet("班子成员",
                ["序号", "姓名", "职务", "分管工作", "账号", "角色"],
                [1, "王敏", "办公室主任", null, "test:sec-1", "秘书"],
                [2, new Rich("lǐ wèi dōng", "李卫东"), "党组成员、副局长", "社会救助、养老服务", new Inline("test:m-1, wecom:liweidong")])
            .Sheet("会议信息",
                ["项目", "内容"],
                ["类别", "巡察整改专题"],
                ["名称", "青山县民政局党组巡察整改专题民主生活会"],
                ["单位", "青山县民政局党组"],
                ["时间", new DateTime(2026, 12, 20, 9, 0, 0)],
                ["截止时间", new Styled(new DateTime(2026, 12, 15, 18, 0, 0).ToOADate(), XlsxBuilder.ChineseDateTimeStyle)],
                ["反馈问题", "一、落实全面从严治党责任方面\n1. 专项资金监管不严，存在多发冒领"],
                ["邀请码", 20261220])
            .Build();

        var sheets = SpreadsheetReader.Read(new MemoryStream(workbook));
        var meeting = MeetingContent.Reader.ReadWorkbook("名单.xlsx", sheets.Select(s => new MeetingSheet(s.Name, s.Rows)).ToArray());

        Assert.Equal(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.FromHours(8)), meeting.HeldAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 18, 0, 0, TimeSpan.FromHours(8)), meeting.Deadline);
        Assert.Equal("20261220", meeting.InvitationCode);
        Assert.Equal("专项资金监管不严，存在多发冒领", Assert.Single(meeting.Findings).Text);
        Assert.Equal([("王敏", MeetingRole.Secretary), ("李卫东", MeetingRole.Member)], meeting.People.Select(p => (p.Name, p.Role)));
        Assert.Equal([new ChannelIdentity("test", "m-1"), new ChannelIdentity("wecom", "liweidong")], meeting.People[1].Accounts);
    }
}
