using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;

namespace MeetingBot.Materials.Team;

/// <summary>
/// Sample models that between them reach every branch of the team's templates: an inspection
/// meeting with claimed and unclaimed findings (with and without aspect lines), an annual meeting,
/// an organizational one with nothing given; similarity pairs of every part and none; rectification
/// rows with and without measure, deadline and finding. Loading the templates renders each, so a
/// field a template misspells is found at start-up.
/// </summary>
public static class TeamSamples
{
    // Declared before the lists, which are initialised in text order and use them.
    private static readonly MemberMaterial[] Members =
        [.. DraftSamples.All.OfType<DraftModel>().Select((d, i) => new MemberMaterial($"p{i}", $"成员{i}", null, d with { Name = new DraftField($"成员{i}", "姓名") }))];

    private static readonly TeamFinding[] Findings = [new("f1", "方面", "反馈问题。"), new("f2", "方面", "反馈问题"), new("f3", "", "反馈问题")];

    /// <summary>Models of templates/team_draft.scriban and templates/team_appendix.scriban.</summary>
    public static IReadOnlyList<object> TeamDraft { get; } =
    [
        Compose(new TeamMeeting("整改专题民主生活会", "某局", "local_inspection", Findings, "2026年12月20日"), Members),
        Compose(new TeamMeeting("整改专题民主生活会", "某局", "central_inspection", [Findings[2]], "2026年12月20日"), Members),
        Compose(new TeamMeeting("2026年度民主生活会", "某局", "annual", [], "2026年12月20日"), Members),
        Compose(new TeamMeeting("", "", "organizational", [], ""), []),
    ];

    /// <summary>Models of templates/similarity.scriban.</summary>
    public static IReadOnlyList<object> Similarity { get; } =
    [
        new SimilarityReport([]),
        new SimilarityReport([.. Enum.GetValues<PassagePart>().Select(part => new SimilarPassage("方面", "p1", "成员甲", "段落", "p2", "成员乙", "段落", 90) { Part = part })]),
    ];

    /// <summary>Models of templates/rectification.scriban.</summary>
    public static IReadOnlyList<object> Rectification { get; } =
    [
        new RectificationReport([]),
        new RectificationReport(
        [
            new RectificationRow("反馈问题", "措施。", "成员甲", "6月底前", "f1", "反馈问题"),
            new RectificationRow("问题；问题", null, "成员乙", null, null, null) { Heading = "措施" },
            new RectificationRow("", null, "成员乙", null, "f2", "反馈问题"),
        ]),
    ];

    /// <summary>The team's templates with their samples, for <see cref="TemplateCatalog.Load"/>.</summary>
    public static IReadOnlyList<TemplateSpec> Specs { get; } =
    [
        new(TeamDraftRenderer.Template, TeamDraft),
        new(TeamDraftRenderer.AppendixTemplate, TeamDraft),
        new(SimilarityReport.Template, Similarity),
        new(RectificationReport.Template, Rectification),
    ];

    private static TeamDraftModel Compose(TeamMeeting meeting, IReadOnlyList<MemberMaterial> members) => new TeamDraftComposer().Compose(meeting, members);
}
