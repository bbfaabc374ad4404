namespace MeetingBot.Materials.Drafts;

/// <summary>
/// Draft models that between them reach every branch of templates/draft.scriban: every meeting
/// kind, facts given and missing, examples with and without 比如, aspects, causes and measures
/// present and absent. Loading the templates renders each, so a field the template misspells is
/// found at start-up rather than by a cadre.
/// </summary>
public static class DraftSamples
{
    // Declared before All, which is initialised in text order and uses it.
    private static readonly DraftField Missing = new(null, "待补充的事项");

    public static IReadOnlyList<object> All { get; } =
    [
        Full("inspection") with { Findings = Given("反馈问题") },
        Full("annual"),
        Full("organizational") with { MeasureGroups = [new DraftMeasureGroup("理论学习", [], Missing)] },
        Empty("special"),
        Empty(""),
    ];

    private static DraftField Given(string value) => new(value, "事项");

    private static DraftModel Full(string kind) => new()
    {
        MeetingKind = kind,
        MeetingTitle = Given("民主生活会"),
        Name = Given("姓名"),
        Unit = Given("单位"),
        Post = Given("职务"),
        Areas = Given("分管工作"),
        Opinions = Given("3"),
        Talks = Given("4"),
        Studied = Given("学习内容"),
        Aspects =
        [
            new DraftAspect("理论学习", [new DraftProblem("问题。", "表现", Given("比如，事例。")), new DraftProblem("问题", null, Given("事例")), new DraftProblem("问题", null, Missing)]),
        ],
        Causes = [new DraftCause("原因", "分析")],
        MeasureGroups = [new DraftMeasureGroup("理论学习", [new DraftMeasure("措施", "做法")], Given("承诺"))],
        Gaps = [],
    };

    private static DraftModel Empty(string kind) => new()
    {
        MeetingKind = kind,
        MeetingTitle = Missing,
        Name = Missing,
        Unit = Missing,
        Post = Missing,
        Areas = Missing,
        Opinions = Missing,
        Talks = Missing,
        Studied = Missing,
        Aspects = [],
        Causes = [],
        MeasureGroups = [],
        Gaps = [new DraftGap("基本情况", null, "姓名")],
    };
}
