using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;

namespace MeetingBot.Conversations;

/// <summary>A command as welcome.scriban and help.scriban list it: its key, its first word, all its words.</summary>
public sealed record CommandEntry(string Command, string Word, IReadOnlyList<string> Words);

/// <summary>welcome.scriban and help.scriban.</summary>
public sealed record CommandsModel(IReadOnlyList<CommandEntry> Commands);

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

/// <summary>review.scriban: the draft, its gaps and what to do next.</summary>
public sealed record ReviewModel(string Draft, IReadOnlyList<DraftGap> Gaps, string Prompt);

/// <summary>submitted.scriban: the version that was submitted.</summary>
public sealed record SubmittedModel(string Draft);

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

    public static IReadOnlyList<TemplateSpec> All { get; } =
    [
        new(Welcome, [SampleCommands]),
        new(Help, [SampleCommands]),
        new(Progress, [new Progress([new SectionProgress("基本情况", 2, 2, false), new SectionProgress("理论学习", 1, 3, true), new SectionProgress("原因分析", 0, 1, false)], 3, 6)]),
        new(Question,
        [
            new QuestionModel("提示", [new NumberedOption(1, "a", "甲", true), new NumberedOption(2, "b", "乙", false)], "提示语", "甲", false, "基本情况", 1, 8, "当前回答：甲"),
            new QuestionModel("提示", [], "提示语", null, true, "基本情况", 1, 8, null),
        ]),
        new(DraftRenderer.Template, DraftSamples.All),
        new(Review,
        [
            new ReviewModel("草稿", [], "提示"),
            new ReviewModel("草稿", [new DraftGap("理论学习", "学习不够系统深入", "具体事例"), new DraftGap("原因分析", "学用结合不紧密", "") { SuggestedCauses = ["理想信念"] }, new DraftGap("会前准备", null, "谈心谈话人次")], "提示"),
        ]),
        new(Submitted, [new SubmittedModel("草稿")]),
    ];

    private static CommandsModel SampleCommands => new([new CommandEntry("help", "帮助", ["帮助", "help"]), new CommandEntry("draft", "查看草稿", ["查看草稿"])]);
}
