using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.Team;

namespace MeetingBot.Materials.Tests.Team;

/// <summary>
/// A member's submitted draft, built by hand: only what the team's material reads (problems by
/// aspect, claims, causes, measures). A null text is a field the member has not filled in.
/// </summary>
internal sealed class MemberBuilder(string personId, string name, string post)
{
    private readonly List<(string Title, List<DraftProblem> Problems)> _aspects = [];
    private readonly List<DraftClaim> _claims = [];
    private readonly List<DraftCause> _causes = [];
    private readonly List<(string Title, List<DraftMeasure> Measures)> _measures = [];

    public static DraftField Field(string? value) => new(value, "待补充的内容");

    /// <summary>A problem of the checklist: its key is the same for every member who chose it.</summary>
    public MemberBuilder Checklist(string aspect, string key, string label, string? statement, string? showing, string? example)
    {
        Part(_aspects, aspect).Add(new DraftProblem(key, label, Field(statement), Field(showing), Field(example)));
        return this;
    }

    /// <summary>A problem in the member's own words (其他): the statement is its label.</summary>
    public MemberBuilder OwnWords(string aspect, string statement, string? showing, string? example)
    {
        Part(_aspects, aspect).Add(new DraftProblem(null, statement, Field(statement), Field(showing), Field(example)));
        return this;
    }

    public MemberBuilder Claim(TeamFinding finding, string? showing, string? example, string? measure)
    {
        _claims.Add(new DraftClaim(finding.Id, finding.Text, Field(showing), Field(example), Field(measure)));
        return this;
    }

    public MemberBuilder Cause(string heading, string? showing)
    {
        _causes.Add(new DraftCause(heading, Field(showing), []));
        return this;
    }

    public MemberBuilder Measure(string aspect, string heading, string? commitment)
    {
        Part(_measures, aspect).Add(new DraftMeasure(heading, Field(commitment)));
        return this;
    }

    public MemberMaterial Build() => new(personId, name, post, new DraftModel
    {
        MeetingKind = "local_inspection",
        MeetingTitle = Field("县委巡察整改专题民主生活会"),
        Name = Field(name),
        Unit = Field("青山县住房和城乡建设局"),
        Post = Field(post),
        Areas = Field(null),
        Opinions = Field("12"),
        Talks = Field("8"),
        Studied = Field(null),
        Claims = _claims,
        Aspects = [.. _aspects.Select(a => new DraftAspect(a.Title, false, a.Problems))],
        Causes = _causes,
        MeasureGroups = [.. _measures.Select(m => new DraftMeasureGroup(m.Title, false, m.Measures))],
        Date = "2026年12月10日",
        Gaps = [],
    });

    private static List<T> Part<T>(List<(string Title, List<T> Items)> parts, string title)
    {
        var index = parts.FindIndex(p => p.Title == title);
        if (index < 0)
        {
            parts.Add((title, []));
            index = parts.Count - 1;
        }

        return parts[index].Items;
    }
}
