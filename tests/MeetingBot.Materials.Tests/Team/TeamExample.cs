using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.Team;
using MeetingBot.TestKit;

namespace MeetingBot.Materials.Tests.Team;

/// <summary>
/// A county bureau's rectification meeting after a 巡察: four findings in two aspects (the last one
/// nobody claims) and three members. All three chose the same checklist problem of 理论学习, two
/// kept its suggested sentence; two wrote problems in their own words; one planted a colleague's
/// name in an example and another in a showing.
/// </summary>
internal static class TeamExample
{
    public const string LearningKey = "learning/shallow";

    public const string KeptStatement = "理论学习不够系统深入，存在以干代学、以忙挤学的情况";

    public static readonly TeamFinding[] Findings =
    [
        new("f1", "落实全面从严治党主体责任方面", "对下属单位财务监管不到位，专项资金使用绩效跟踪不够"),
        new("f2", "落实全面从严治党主体责任方面", "廉政风险防控机制不健全，重点岗位轮岗交流不及时"),
        new("f3", "履行职能职责方面", "建筑市场监管存在薄弱环节，招投标投诉办理不及时"),
        new("f4", "履行职能职责方面", "老旧小区改造项目推进缓慢，群众反映的问题回应不及时"),
    ];

    public static readonly TeamMeeting Meeting = new("县委第二巡察组反馈意见整改专题民主生活会", "青山县住房和城乡建设局", "local_inspection", Findings, "2026年12月20日");

    public static readonly string[] Names = ["王建国", "李红梅", "赵志强"];

    public static MemberMaterial Wang { get; } = new MemberBuilder("u-wang", "王建国", "党组书记、局长")
        .Claim(Findings[1], "局机关财务、工程等重点岗位人员多年未调整，风险排查停留在填表", null, null)
        .Checklist("理论学习", LearningKey, "学习不够系统", KeptStatement,
            "工作一忙就把自学往后放，中心组学习前很少通读材料",
            "比如，今年一季度3次中心组集中学习，有2次没有提前准备发言提纲")
        .OwnWords("理论学习", "党建与业务融合不够，抓党建的办法不多", "党建工作与住建业务“两张皮”，考核时各算各的", "局属单位党建述职中，5个支部有3个没有讲到业务工作")
        .Checklist("工作作风", "conduct/grassroots", "深入基层不够", "深入基层调查研究不够，掌握一线情况不够全面及时",
            "到基层多是听汇报、看材料",
            "今年到基层调研只有3次，每次不足半天，没有召开过群众座谈会")
        .Cause("理想信念的根基还不够牢固", "把理论学习当成软任务，认为业务干好了就行")
        .Measure("理论学习", "在加强理论武装上下功夫", "每月自学原著不少于2次，每次中心组学习前写出发言提纲")
        .Measure("工作作风", "沉到基层察实情", "每季度到基层蹲点调研不少于3天")
        .Build();

    public static MemberMaterial Li { get; } = new MemberBuilder("u-li", "李红梅", "党组成员、副局长")
        .Claim(Findings[0], "对局属事业单位专项资金只看报账手续是否齐全，使用效果跟踪少",
            "2025年对局属2家事业单位的专项资金检查只覆盖了1家，涉及资金86万元",
            "2027年3月底前完成局属事业单位专项资金检查全覆盖")
        .Checklist("理论学习", LearningKey, "学习不够系统", KeptStatement,
            "学习满足于读原文、记笔记，思考不深",
            "比如，我今年撰写的学习笔记只有4篇，没有形成一篇有分量的心得")
        .OwnWords("理论学习", "对青年干部传帮带不够", "与青年干部谈工作多、谈思想少", null)
        .Cause("理想信念的根基还不够牢固", "对学习的重要性认识不足，遇到任务重就放松了学习")
        .Cause("担当精神不够强", "面对矛盾和难题有求稳怕乱的心理，满足于不出事")
        .Measure("理论学习", "在加强理论武装上下功夫", "坚持学原文、悟原理，把学习成果落到分管工作中")
        .Build();

    public static MemberMaterial Zhao { get; } = new MemberBuilder("u-zhao", "赵志强", "党组成员、副局长")
        .Claim(Findings[0], "审签资金支出时把关不严", "我签批的3笔维修经费未附验收单，合计4.2万元", "每季度抽查1次局属单位资金使用情况")
        .Claim(Findings[2], "受理投诉后交给科室办理，过问进度少",
            "去年受理的18件招投标投诉中，有5件超过规定时限才办结",
            "建立投诉办理台账，6月底前将超期投诉全部清零")
        .Checklist("理论学习", LearningKey, "学习不够系统", "理论学习的系统性不强，学用结合不够紧密",
            "李红梅同志提醒后才开始系统学习住建领域的新政策",
            "研究老旧小区改造资金拨付时没有先学习政策文件，导致2个项目返工，多花费用12万元")
        .Checklist("工作作风", "conduct/grassroots", "深入基层不够", "深入基层调查研究不够，掌握一线情况不够全面及时",
            "下基层时间少，习惯于电话了解情况",
            "比如，10月陪同王建国同志到城南片区调研时，只看了2个示范点")
        .Cause("宗旨意识有所淡化", "与群众面对面打交道少了，对群众的急难愁盼体会不深")
        .Measure("理论学习", "在加强理论武装上下功夫", "年底前围绕分管领域形成1篇调研报告")
        .Measure("工作作风", "沉到基层察实情", null)
        .Build();

    public static IReadOnlyList<MemberMaterial> Members { get; } = [Wang, Li, Zhao];

    /// <summary>The repository's templates, with the team's samples and the personal draft's.</summary>
    public static TemplateCatalog Templates { get; } =
        TemplateCatalog.Load(RepositoryPaths.Templates, [.. TeamSamples.Specs, new TemplateSpec(DraftRenderer.Template, DraftSamples.All)]);
}
