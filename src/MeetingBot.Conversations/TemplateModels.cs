using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.Team;

namespace MeetingBot.Conversations;

/// <summary>A command as welcome.scriban and help.scriban list it: its key, its first word, all its words.</summary>
public sealed record CommandEntry(string Command, string Word, IReadOnlyList<string> Words);

/// <summary>
/// welcome.scriban and help.scriban: the self-check's commands, the meeting commands everyone may
/// use, and those of secretaries and administrators (empty for others).
/// </summary>
public sealed record CommandsModel(
    IReadOnlyList<CommandEntry> Commands,
    IReadOnlyList<CommandEntry> MeetingCommands,
    IReadOnlyList<CommandEntry> SecretaryCommands,
    IReadOnlyList<CommandEntry> AdminCommands);

/// <summary>Which commands help.scriban lists to whom.</summary>
public static class CommandGroups
{
    public static readonly Command[] Member = [Command.Join, Command.Meetings, Command.Withdraw, Command.Prompt, Command.NoteCriticism, Command.PauseReminders, Command.ResumeReminders];

    private static readonly Command[] SecretaryOnly =
        [Command.View, Command.Summary, Command.Similarity, Command.Rectification, Command.Export, Command.Return, Command.AddSecretary, Command.Invitation, Command.Remind];

    // 进度 is the self-check's progress for everyone, and the roster's for secretaries.
    public static readonly Command[] Secretary = [Command.Progress, .. SecretaryOnly];

    public static readonly Command[] Admin = [Command.CreateMeeting];

    public static readonly Command[] SelfCheck = [.. Enum.GetValues<Command>().Except([.. Member, .. SecretaryOnly, .. Admin])];
}

/// <summary>question.scriban: the prompt as rendered, numbered options, how to answer, and the answer it has.</summary>
public sealed record QuestionModel(
    string Prompt,
    IReadOnlyList<NumberedOption> Options,
    string Hint,
    string? CurrentAnswer,
    bool Retry,
    string SectionTitle,
    int SectionNumber,
    int SectionCount,
    string? CurrentAnswerLine);

/// <summary>
/// review.scriban: the draft in outline (problems by aspect, how many causes and measures), its gaps,
/// the checker's findings, and what to do next; the full text is one command away.
/// </summary>
public sealed record ReviewModel(string Prompt, int Claims, IReadOnlyList<ReviewPart> Aspects, int Causes, int Measures, IReadOnlyList<DraftGap> Gaps, IReadOnlyList<ReviewFinding> Findings);

/// <summary>An aspect of the draft and how many problems the cadre named in it.</summary>
public sealed record ReviewPart(string Title, bool IsHeading, int Problems);

/// <summary>A finding of the checker on the draft; <see cref="Blocks"/>: it must be corrected before 提交.</summary>
public sealed record ReviewFinding(string Text, string Suggestion, string Note, bool Blocks);

/// <summary>submit_refused.scriban: what must be corrected before 提交.</summary>
public sealed record SubmitRefusedModel(IReadOnlyList<SubmitBlock> Blocks);

/// <summary>
/// The templates the conversation renders, each with sample models that reach its branches, so that
/// loading templates/ proves every field they read exists.
/// </summary>
public static class ConversationTemplates
{
    public const string Welcome = "welcome";
    public const string Help = "help";
    public const string Progress = "progress";
    public const string Question = "question";
    public const string Review = "review";
    public const string Submitted = "submitted";
    public const string SubmitRefused = "submit_refused";

    public static IReadOnlyList<TemplateSpec> All { get; } =
    [
        .. Meetings.MeetingTemplates.All,
        .. TeamSamples.Specs,
        new(Welcome, [SampleCommands]),
        new(Help, [SampleCommands]),
        new(Progress, [new Progress([new SectionProgress("基本情况", 2, 2, false), new SectionProgress("理论学习", 1, 3, true), new SectionProgress("原因分析", 0, 1, false), new SectionProgress("整改措施", 0, 0, false)], 1, 4)]),
        new(Question,
        [
            new QuestionModel("提示", [new NumberedOption(1, "a", "甲", true), new NumberedOption(2, "b", "乙", false)], "提示语", "甲", false, "基本情况", 1, 8, "当前回答：甲"),
            new QuestionModel("提示", [], "提示语", null, true, "基本情况", 1, 8, null),
        ]),
        new(DraftRenderer.Template, DraftSamples.All),
        new(Review,
        [
            new ReviewModel("提示", 0, [], 0, 0, [], []),
            new ReviewModel(
                "提示",
                2,
                [new ReviewPart("理论学习", false, 2), new ReviewPart("标题", true, 1)],
                2,
                3,
                [new DraftGap("理论学习", "学习不够系统深入", "具体事例"), new DraftGap("理论学习", "学用结合不紧密", "具体事例") { Vague = true }, new DraftGap("原因分析", "学用结合不紧密", "") { SuggestedCauses = ["理想信念"] }, new DraftGap("会前准备", null, "谈心谈话人次")],
                [new ReviewFinding("回湖", "回潮", "说明", true), new ReviewFinding("定期", "写明频次", "说明", false)]),
        ]),
        new(Submitted, DraftSamples.All),
        new(SubmitRefused, [new SubmitRefusedModel([new SubmitBlock("x年x月", "填写实际时间", "说明")])]),
    ];

    // Every command in every group, so a command without its line in help.scriban is found at load.
    private static CommandsModel SampleCommands
    {
        get
        {
            CommandEntry[] Entries(IEnumerable<Command> commands) => [.. commands.Select(c => new CommandEntry(CommandWords.NameOf(c), "词", ["词"]))];
            return new(Entries(CommandGroups.SelfCheck), Entries(CommandGroups.Member), Entries(CommandGroups.Secretary), Entries(CommandGroups.Admin));
        }
    }
}
