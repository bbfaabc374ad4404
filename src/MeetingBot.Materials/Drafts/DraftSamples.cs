namespace MeetingBot.Materials.Drafts;

/// <summary>
/// Draft models that between them reach every branch of templates/draft.scriban: every meeting
/// kind, facts given and missing, examples with and without 比如, aspects, causes and measures
/// present and absent. Loading the templates renders each, so a field the template misspells is
/// found at start-up rather than by a cadre.
/// </summary>
public static class DraftSamples
{
    // Declared before All, which is initialised in text order and uses them.
    private static readonly DraftField Missing = new(null, "待补充的事项");

    private static readonly DraftField Given = new("事项", "事项");

    public static IReadOnlyList<object> All { get; } =
    [
        Full("local_inspection") with { Inspection = new DraftInspection(Given, Missing, Given, Given), Findings = Given, Claims = [new DraftClaim("f1", "反馈问题。", Given, Given, Missing)] },
        Full("central_inspection") with { Inspection = new DraftInspection(Missing, Given, Missing, Missing) },
        Full("annual") with { Year = Given, Aspects = [new DraftAspect("标题", true, [new DraftProblem(null, "问题", Given, Given, Given)])], MeasureGroups = [new DraftMeasureGroup("标题", true, [])] },
        Full("organizational") with { MeasureGroups = [new DraftMeasureGroup("理论学习", false, [])] },
        Empty("special"),
        Empty(""),
    ];

    private static DraftModel Full(string kind) => new()
    {
        MeetingKind = kind,
        MeetingTitle = Given,
        Name = Given,
        Unit = Given,
        Post = Given,
        Areas = Given,
        Opinions = new("3", "条数"),
        Talks = new("4", "人次"),
        Studied = Given,
        Aspects =
        [
            new DraftAspect("理论学习", false, [new DraftProblem("learning/a", "问题", Given, Given, new("比如，事例。", "事例")), new DraftProblem(null, "问题", Missing, Missing, Missing)]),
        ],
        Causes = [new DraftCause("原因", Given, ["问题"]), new DraftCause("原因", Missing, [])],
        MeasureGroups = [new DraftMeasureGroup("理论学习", false, [new DraftMeasure("措施", Given), new DraftMeasure("措施", Missing)])],
        Date = "2026年12月1日",
        Gaps = [],
    };

    /// <summary>A model of the meeting kind in which nothing is written yet.</summary>
    public static DraftModel Empty(string kind) => new()
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
        Date = "2026年12月1日",
        Gaps = [new DraftGap("基本情况", null, "姓名")],
    };
}
