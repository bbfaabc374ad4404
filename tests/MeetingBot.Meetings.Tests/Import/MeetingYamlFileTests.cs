using MeetingBot.Meetings.Import;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Meetings.Tests.Import;

/// <summary>A meeting file in YAML as an administrator writes it, and what they read when it is wrong.</summary>
public sealed class MeetingYamlFileTests : IDisposable
{
    /// <summary>The file of the deployment documents, to the letter.</summary>
    private const string Documented = """
        meeting:
          kind: 巡察整改专题          # 年度 | 巡视整改专题 | 巡察整改专题 | 组织生活会 | 其他专题
          title: 青山县民政局党组巡察整改专题民主生活会
          unit: 青山县民政局党组
          date: 2026-12-20 09:00
          place: 局机关三楼会议室
          deadline: 2026-12-15 18:00
          findings: |
            一、贯彻落实党的路线方针政策方面
            1. 低保动态管理不到位，部分对象未按期复核
            二、落实全面从严治党责任方面
            2. 专项资金监管不严，存在多发冒领
        secretaries:
          - name: 王敏
            accounts: [test:sec-1]
        members:
          - name: 李卫东
            post: 党组成员、副局长
            areas: 社会救助、养老服务
            accounts: [test:m-1, wecom:liweidong]
        """;

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private readonly TempFolder _folder = new();

    [Fact]
    public void The_documented_file_imports_as_it_stands()
    {
        var meeting = Read(Documented);

        Assert.Equal(MeetingKind.LocalInspection, meeting.Kind);
        Assert.Equal("青山县民政局党组巡察整改专题民主生活会", meeting.Title);
        Assert.Equal("青山县民政局党组", meeting.Unit);
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 9, 0, 0, Shanghai), meeting.HeldAt);
        Assert.Equal("局机关三楼会议室", meeting.Place);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 18, 0, 0, Shanghai), meeting.Deadline);
        Assert.Equal("Asia/Shanghai", meeting.TimeZoneId);
        Assert.Equal(
            [
                new Finding("f1", "贯彻落实党的路线方针政策方面", "低保动态管理不到位，部分对象未按期复核"),
                new Finding("f2", "落实全面从严治党责任方面", "专项资金监管不严，存在多发冒领"),
            ],
            meeting.Findings);
        var secretary = Assert.Single(meeting.People, p => p.Role == MeetingRole.Secretary);
        Assert.Equal("王敏", secretary.Name);
        Assert.Equal([new ChannelIdentity("test", "sec-1")], secretary.Accounts);
        var member = Assert.Single(meeting.People, p => p.Role == MeetingRole.Member);
        Assert.Equal(("李卫东", "党组成员、副局长", "社会救助、养老服务"), (member.Name, member.Post, member.Areas));
        Assert.Equal([new ChannelIdentity("test", "m-1"), new ChannelIdentity("wecom", "liweidong")], member.Accounts);
        Assert.Null(meeting.ThemeId);
        Assert.Null(meeting.InvitationCode);
    }

    [Fact]
    public void The_optional_keys_give_a_time_zone_a_theme_and_an_invitation_code()
    {
        var meeting = Read(Documented
            .Replace("  deadline: 2026-12-15 18:00", "  deadline: 2026年12月15日 18：00\n  time_zone: Europe/Berlin\n  theme: local-inspection\n  invitation_code: QS2026", StringComparison.Ordinal)
            .Replace("accounts: [test:sec-1]", "accounts: test:sec-1、web:sub-7", StringComparison.Ordinal));

        Assert.Equal(new DateTimeOffset(2026, 12, 15, 18, 0, 0, TimeSpan.FromHours(1)), meeting.Deadline);
        Assert.Equal("Europe/Berlin", meeting.TimeZoneId);
        Assert.Equal("local-inspection", meeting.ThemeId);
        Assert.Equal("QS2026", meeting.InvitationCode);
        Assert.Equal([new ChannelIdentity("test", "sec-1"), new ChannelIdentity("web", "sub-7")], meeting.People[0].Accounts);
    }

    [Fact]
    public void Headings_entered_by_hand_are_kept_in_order_without_their_numbering()
    {
        var meeting = Read(Documented.Replace("  unit: 青山县民政局党组\n", "  unit: 青山县民政局党组\n  headings: |\n    一、带头强化政治忠诚\n\n    二、带头履职尽责\n", StringComparison.Ordinal));

        Assert.Equal(["带头强化政治忠诚", "带头履职尽责"], meeting.Headings);
    }

    [Fact]
    public void The_reminder_schedule_of_the_issue_imports_and_a_file_without_one_says_nothing_of_reminders()
    {
        var meeting = Read(Documented + "\n" + """
            reminders:
              before_deadline: [3d, 1d]    # durations before the submission deadline
              prompt_before_meeting: 1d    # the prompt card this long before the meeting
              quiet_hours: 22:00-08:00     # "" for none
              time_zone: Asia/Shanghai
            """);

        var reminders = Assert.IsType<ReminderSchedule>(meeting.Reminders);
        Assert.Equal([TimeSpan.FromDays(3), TimeSpan.FromDays(1)], reminders.BeforeDeadline);
        Assert.Equal(TimeSpan.FromDays(1), reminders.PromptBeforeMeeting);
        Assert.Equal(new QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0)), reminders.QuietHours);
        Assert.True(reminders.QuietHours!.Contains(new TimeOnly(23, 30)) && reminders.QuietHours.Contains(new TimeOnly(7, 59)) && !reminders.QuietHours.Contains(new TimeOnly(8, 0)));
        Assert.Equal("Asia/Shanghai", reminders.TimeZoneId);
        Assert.Null(Read(Documented).Reminders);
    }

    [Fact]
    public void Other_durations_no_quiet_hours_and_quiet_weekends_are_taken_and_nonsense_is_refused_at_its_line()
    {
        var taken = Read(Documented + "\nreminders:\n  before_deadline: [12h, 2d]\n  quiet_hours: \"\"\n  quiet_weekends: true\n");
        var problems = Problems(Documented + "\nreminders:\n  before_deadline: [3 days]\n  quiet_hours: 22点到8点\n  quiet_weekends: 周末\n");

        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromHours(12)], taken.Reminders!.BeforeDeadline);
        Assert.Null(taken.Reminders.QuietHours);
        Assert.True(taken.Reminders.QuietWeekends);
        Assert.False(Read(Documented + "\nreminders:\n  quiet_hours: \"\"\n").Reminders!.QuietWeekends);
        Assert.Equal(
            [
                "meeting.yaml 第22行：时长“3 days”无法识别，请写成整数加单位，例如 3d（天）、12h（小时）、30m（分钟）。",
                "meeting.yaml 第23行：免打扰时段“22点到8点”无法识别，请写成“22:00-08:00”的格式；不设免打扰请写 \"\"。",
                "meeting.yaml 第24行：周末免打扰“周末”无法识别，周六、周日不发提醒请写 true，否则写 false。",
            ],
            problems);
    }

    [Fact]
    public void An_unknown_key_is_named_in_chinese_with_file_and_line()
    {
        var problems = Problems(Documented.Replace("  place: 局机关三楼会议室", "  venue: 局机关三楼会议室", StringComparison.Ordinal));

        Assert.Equal(["meeting.yaml 第6行：“venue”不是可用的项目，请核对拼写（可用的有：kind, title, unit, date, place, deadline, findings, theme, headings, time_zone, invitation_code）。"], problems);
    }

    [Fact]
    public void A_person_listed_twice_and_an_account_on_two_people_are_refused_at_their_lines()
    {
        var problems = Problems(Documented + """

              - name: 王敏
                accounts: [test:sec-9]
              - name: 赵红
                accounts: [wecom:liweidong]
            """);

        Assert.Equal(
            [
                "meeting.yaml 第21行：“王敏”在名单中重复出现。每人只列一次，秘书不再列入成员。",
                "meeting.yaml 第24行：账号“wecom:liweidong”同时填在“李卫东”和“赵红”名下，一个账号只能属于一人。",
            ],
            problems);
    }

    [Fact]
    public void A_bad_time_and_a_deadline_after_the_meeting_are_refused()
    {
        Assert.Equal(
            ["meeting.yaml 第5行：时间“2026-12-20”无法识别，请按“2026-12-20 09:00”的格式填写日期和时刻。"],
            Problems(Documented.Replace("date: 2026-12-20 09:00", "date: 2026-12-20", StringComparison.Ordinal)));
        Assert.Equal(
            ["meeting.yaml 第7行：材料提交截止时间“2026-12-21 18:00”晚于会议时间“2026-12-20 09:00”，请核对。"],
            Problems(Documented.Replace("deadline: 2026-12-15 18:00", "deadline: 2026-12-21 18:00", StringComparison.Ordinal)));
        Assert.Single(Problems(Documented.Replace("date: 2026-12-20 09:00", "date: 2026-02-30 09:00", StringComparison.Ordinal)));
        Assert.Single(Problems(Documented.Replace("date: 2026-12-20 09:00", "date: 12月20日 09:00", StringComparison.Ordinal)));
        Assert.Single(Problems(Documented.Replace("date: 2026-12-20 09:00", "date: 2026-12-20 25:00", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("[liweidong]", "liweidong")]
    [InlineData("[wechat:liweidong]", "wechat:liweidong")]
    [InlineData("[test:m-1, 'wecom:']", "wecom:")]
    public void An_account_not_written_channel_colon_user_on_a_known_channel_is_refused(string accounts, string wrong)
    {
        var problems = Problems(Documented.Replace("[test:m-1, wecom:liweidong]", accounts, StringComparison.Ordinal));

        Assert.Equal([$"meeting.yaml 第20行：账号“{wrong}”格式有误，应写作“渠道:用户ID”，渠道为 msteams、wecom、web、test、emulator 之一。"], problems);
    }

    [Fact]
    public void An_unknown_kind_theme_or_time_zone_is_named_with_what_is_allowed()
    {
        var problems = Problems(Documented
            .Replace("  kind: 巡察整改专题", "  kind: 巡察整改\n  time_zone: Asia/Qingshan", StringComparison.Ordinal));
        Assert.Equal(
            [
                "meeting.yaml 第2行：会议类别“巡察整改”无法识别，应为以下之一：年度、巡视整改专题、巡察整改专题、组织生活会、其他专题。",
                "meeting.yaml 第3行：时区“Asia/Qingshan”无法识别，请填写时区名称，例如 Asia/Shanghai。",
            ],
            problems);

        Assert.Equal(
            ["meeting.yaml 第3行：对照主题“annual-2026”不适用于“巡察整改专题”类会议。"],
            Problems(Documented.Replace("  title:", "  theme: annual-2026\n  title:", StringComparison.Ordinal)));
        Assert.Equal(
            ["meeting.yaml 第3行：对照主题“annual-2019”不存在，可选的有：local-inspection。"],
            Problems(Documented.Replace("  title:", "  theme: annual-2019\n  title:", StringComparison.Ordinal)));
        Assert.Equal(
            ["meeting.yaml 第4行：对照主题和自定的对照标题只能填写其中一项。"],
            Problems(Documented.Replace("  title:", "  theme: local-inspection\n  headings: 一、带头履职尽责\n  title:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Empty_findings_a_missing_title_and_no_secretary_are_each_reported()
    {
        var problems = Problems("""
            meeting:
              kind: 巡察整改专题
              unit: 青山县民政局党组
              findings: |
                1.

            members:
              - name: 李卫东
            """);

        Assert.Equal(
            [
                "meeting.yaml 第2行：缺少“title”，请补充填写。",
                "meeting.yaml 第4行：未能识别出反馈问题。请每行粘贴一条，或按“1.”“（1）”等编号逐条列出，可用“一、……方面”分组。",
                "meeting.yaml：名单中没有秘书，请至少指定一名秘书。",
            ],
            problems);
    }

    [Fact]
    public void A_file_that_is_missing_or_no_yaml_is_named_in_chinese()
    {
        var missing = Assert.Throws<MeetingFileException>(() => MeetingContent.Reader.ReadYaml(_folder.File("none.yaml")));
        Assert.Equal(["none.yaml：找不到该文件，请核对文件路径。"], missing.Problems);

        Assert.Equal(["meeting.yaml 第3行：文件格式有误，无法读取，请检查缩进、冒号和引号是否规范。"], Problems("meeting:\n  kind: 年度\n title: x\n"));
        Assert.Equal(["meeting.yaml 第1行：“meeting”下应逐项写成“键: 值”的格式。"], Problems("meeting: 年度\nsecretaries:\n  - name: 王敏\n    accounts: [test:sec-1]\n"));
    }

    public void Dispose() => _folder.Dispose();

    private MeetingDefinition Read(string yaml)
    {
        File.WriteAllText(_folder.File("meeting.yaml"), yaml);
        return MeetingContent.Reader.ReadYaml(_folder.File("meeting.yaml"));
    }

    private IReadOnlyList<string> Problems(string yaml) => Assert.Throws<MeetingFileException>(() => Read(yaml)).Problems;
}
