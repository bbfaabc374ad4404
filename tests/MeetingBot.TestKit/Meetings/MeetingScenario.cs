using System.Text.RegularExpressions;
using MeetingBot.Materials.OpenXml.Spreadsheets;
using Xunit;

namespace MeetingBot.TestKit.Meetings;

/// <summary>
/// The meeting the tests share: a 巡察整改专题民主生活会 with five findings in three aspects, its
/// secretary and four members, three of whom complete and submit their self-check (the third copies
/// a paragraph of the first's), while the fourth stops half-way. The same story runs on the turn
/// pipeline and over /api/messages, created by 创建会议 or imported from
/// <see cref="MeetingFile"/>.
/// </summary>
public static partial class MeetingScenario
{
    public const string Title = "青山县民政局党组巡察整改专题民主生活会";

    public const string Unit = "青山县民政局党组";

    public const string Admin = "test:admin";

    public const string SecretaryName = "王敏";

    public const string Findings = """
        一、贯彻落实党的路线方针政策方面
        1. 低保动态管理不到位，部分对象未按期复核
        2. 养老服务补贴发放审核不严
        二、落实全面从严治党责任方面
        3. 专项资金监管不严，存在多发冒领
        4. 政府采购程序执行不规范
        三、组织建设方面
        5. 干部队伍结构不优，年轻干部储备不足
        """;

    /// <summary>The paragraph 陈建国 copies from 李卫东's material, which 雷同检查 must find.</summary>
    public const string CopiedExample = "今年第三季度抽查发现，城关镇有12户低保对象超过6个月未复核";

    public static readonly ScenarioMember LiWeidong = new("test:m-1", "李卫东", "党组成员、副局长", "社会救助、养老服务",
    [
        "1、3",
        "对低保对象动态复核跟踪督促不够，满足于听汇报", CopiedExample, "2027年3月底前完成全县低保对象全面复核，此后每季度抽查一次",
        "对专项资金拨付后的使用情况过问少，监督链条有断档", "2026年养老服务专项资金中，有3.6万元因重复申报被多发", "2027年1月底前追回多发资金，建立发放前比对机制",
        "1", "采用", "工作一忙就把自学往后放，集中学习前很少通读材料", "今年一季度3次中心组集中学习，有2次没有提前准备发言提纲",
        "无", "无", "无",
        "采纳建议", "把理论学习当成软任务，忙起来就先放下",
        "1", "每月自学原著不少于2次，每次集中学习前写出发言提纲",
    ]);

    public static readonly ScenarioMember ZhangXiaohong = new("test:m-2", "张晓红", "党组成员、副局长", "养老服务、财务审计",
    [
        "2",
        "对养老服务补贴发放只看材料是否齐全，没有到实地核验", "2026年上半年发放的养老服务补贴中，有5名老人已迁出本县仍在领取", "2026年12月底前对全部补贴对象实地核查一遍，此后每半年复核一次",
        "1", "采用", "平时以处理具体事务为主，系统学习的时间挤得很少", "今年以来个人自学笔记只有4篇，比年初计划少了一半",
        "无", "无", "无",
        "采纳建议", "把学习看成可以往后放的事，没有当作政治任务来抓",
        "1", "每周安排半天集中自学，2027年6月底前写出2篇学习体会",
    ]);

    public static readonly ScenarioMember ChenJianguo = new("test:m-3", "陈建国", "党组成员、纪检监察组组长", "机关纪委、政府采购监督",
    [
        "4",
        "对政府采购的审核把关不细，对采购方式的选择过问不够", CopiedExample, "2027年2月底前修订局机关政府采购内控制度，对采购项目逐项复核",
        "1", "采用", "参加集中学习多，会后自己深入研读少", "2026年局党组理论学习中心组的8次专题学习中，我有3次没有交流发言",
        "无", "无", "无",
        "采纳建议", "对理论学习的重要性认识不到位，满足于完成规定动作",
        "1", "2027年起每季度至少在中心组交流发言1次，全年撰写学习笔记不少于10篇",
    ]);

    /// <summary>The member who stops after the preparation's first question.</summary>
    public static readonly ScenarioMember LiuFang = new("test:m-4", "刘芳", "党组成员、副局长", "基层政权、社会事务", []);

    public static IReadOnlyList<ScenarioMember> Members { get; } = [LiWeidong, ZhangXiaohong, ChenJianguo, LiuFang];

    /// <summary>The meeting as a meeting file for <c>meetings import</c>, in the keys the issue fixed; the secretary is <paramref name="secretary"/>.</summary>
    public static string MeetingFile(string secretary) => $"""
        meeting:
          kind: 巡察整改专题
          title: {Title}
          unit: {Unit}
          date: 2026-12-20 09:00
          place: 局机关三楼会议室
          deadline: 2026-12-15 18:00
          findings: |
        {Indent(Findings, 4)}
        secretaries:
          - name: {SecretaryName}
            accounts: [{secretary}]
        members:
        {string.Concat(Members.Select(m => $"  - name: {m.Name}\n    post: {m.Post}\n    areas: {m.Areas}\n    accounts: [{m.Account}]\n"))}
        """;

    /// <summary>The administrator creates the meeting by 创建会议 and becomes its secretary; returns the invitation code.</summary>
    public static async Task<string> CreateAsync(IMeetingChat chat)
    {
        string[] answers = ["创建会议", "3", Title, Unit, "12月20日", "局机关三楼会议室", "12月15日", Findings, "1"];
        ChatReply reply = new([], []);
        foreach (var answer in answers)
        {
            reply = await chat.SayAsync(Admin, SecretaryName, answer);
        }

        var code = InvitationCode().Match(reply.Text);
        Assert.True(code.Success, reply.Text);
        return code.Groups[1].Value;
    }

    /// <summary>
    /// Every member takes part: joins with <paramref name="code"/> unless on the roster already
    /// (<paramref name="onRoster"/>: their post and areas then come from the roster and are not asked),
    /// answers their script, and, all but 刘芳, submits.
    /// </summary>
    public static async Task TakePartAsync(IMeetingChat chat, string? code, bool onRoster)
    {
        foreach (var member in Members)
        {
            var first = await chat.SayAsync(member.Account, member.Name, code is null ? "开始" : "加入 " + code);
            Assert.Contains(code is null ? "巡视（巡察）组" : Title, first.Text, StringComparison.Ordinal);
            foreach (var answer in member.Answers(onRoster))
            {
                await chat.SayAsync(member.Account, member.Name, answer);
            }

            if (member.Submits)
            {
                var submitted = await chat.SayAsync(member.Account, member.Name, "提交");
                Assert.Contains("已提交", submitted.Text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// The 整改清单 workbook that came with <paramref name="list"/>: one sheet under the fixed column
    /// headers, a row per commitment (four findings' measures and one measure of each member's
    /// learning problem); returns its rows, the header first.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> RectificationRows(ChatReply list)
    {
        using var workbook = new MemoryStream(Assert.Single(list.Files).Content);
        var rows = Assert.Single(SpreadsheetReader.Read(workbook)).Rows;
        Assert.Equal(["问题", "整改措施", "责任人", "完成时限", "对应反馈问题"], rows[0]);
        Assert.Equal(7, rows.Count - 1);
        return rows;
    }

    /// <summary>雷同检查 names the member who copied and the one copied from, and not the honest one.</summary>
    public static void AssertSimilarityNamesTheCopy(ChatReply report)
    {
        Assert.Contains(LiWeidong.Name, report.Text, StringComparison.Ordinal);
        Assert.Contains(ChenJianguo.Name, report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ZhangXiaohong.Name, report.Text, StringComparison.Ordinal);
    }

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => new string(' ', spaces) + line.Trim()));

    [GeneratedRegex("邀请码：([A-Z0-9]{6})")]
    private static partial Regex InvitationCode();
}

/// <summary>A member of the scenario's meeting and the answers of their self-check after the profile.</summary>
public sealed record ScenarioMember(string Account, string Name, string Post, string Areas, IReadOnlyList<string> AfterPreparation)
{
    public bool Submits => AfterPreparation.Count > 0;

    /// <summary>From the first question on: the inspection group and notice, the profile unless the roster has it, the preparation, then the rest.</summary>
    public IReadOnlyList<string> Answers(bool onRoster)
    {
        string[] inspection = ["县委第二巡察组", "县委巡察反馈意见（青巡反〔2026〕5号）"];
        string[] profile = onRoster ? [] : [Post, Areas];
        string[] preparation = Submits ? ["12", "20", "党的二十届四中全会精神"] : ["8"];
        return [.. inspection, .. profile, .. preparation, .. AfterPreparation];
    }
}
