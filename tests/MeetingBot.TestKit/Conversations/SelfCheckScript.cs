namespace MeetingBot.TestKit.Conversations;

/// <summary>
/// Answers to dialogs/self-check.yaml that tests share, so a change of the bank is followed in one
/// place: an annual meeting, a profile (the name included, for channels that do not tell it), the
/// preparation, and the complete golden answer set.
/// </summary>
public static class SelfCheckScript
{
    /// <summary>年度民主生活会, then its year.</summary>
    public static readonly string[] AnnualMeeting = ["年度民主生活会", "2025"];

    /// <summary>Name, unit, post and areas, for a channel that does not tell the name.</summary>
    public static readonly string[] Profile = ["张明", "市交通运输局", "党组成员、副局长", "综合规划、财务审计"];

    /// <summary>Opinions, talks and what was studied.</summary>
    public static readonly string[] Preparation = ["26", "18", "党的二十届四中全会精神"];

    /// <summary>Up to the learning problems question.</summary>
    public static readonly string[] ThroughPreparation = [.. AnnualMeeting, .. Profile, .. Preparation];

    /// <summary>One learning problem kept as suggested, how it shows, and its example.</summary>
    public static readonly string[] OneLearningProblem = ["1", "采用", "工作一忙就把自学往后放，集中学习前很少通读材料", "今年一季度3次中心组集中学习，我有2次没有提前准备发言提纲"];

    /// <summary>From the duty aspect to the review: no further problems, the suggested cause with how it shows, one measure with its commitment.</summary>
    public static readonly string[] ToReviewAfterOneLearningProblem =
        ["无", "无", "无", "采纳建议", "把理论学习当成软任务，忙起来就先放下", "1", "每月自学原著不少于2次，每次集中学习前写出发言提纲"];

    /// <summary>A short complete self-check from the first question to the review.</summary>
    public static readonly string[] ToReview = [.. ThroughPreparation, .. OneLearningProblem, .. ToReviewAfterOneLearningProblem];

    /// <summary>The complete golden answer set (tests/MeetingBot.Conversations.Tests/Golden/full.answers.txt), the name included.</summary>
    public static string[] Full() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Conversations.Tests", "Golden", "full.answers.txt")).Where(l => l.Length > 0).ToArray();
}
