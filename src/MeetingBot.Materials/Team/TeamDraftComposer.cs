using System.Diagnostics.CodeAnalysis;
using MeetingBot.Materials.Drafts;

namespace MeetingBot.Materials.Team;

/// <summary>
/// Merges the members' materials into the <see cref="TeamDraftModel"/> of the team's 班子对照检查材料
/// (docs: "Shape of a team draft"). It adds no fact: every sentence it keeps is a member's, chosen by
/// <see cref="PassagePicker"/>, which quotes no sentence naming a member. Parts, items, causes and
/// measures come in order of first appearance, members in roster order.
/// </summary>
public sealed class TeamDraftComposer
{
    /// <summary>How many members' examples one item of the team's material quotes at most.</summary>
    public const int MostExamples = 2;

    [SuppressMessage("Performance", "CA1822", Justification = "A service, injected where the team's material is rendered.")]
    public TeamDraftModel Compose(TeamMeeting meeting, IReadOnlyList<MemberMaterial> members)
    {
        var picker = new PassagePicker(members);
        return new TeamDraftModel
        {
            Kind = meeting.Kind,
            Title = Given(meeting.Title),
            Unit = Given(meeting.Unit),
            Date = Given(meeting.Date),
            Members = PassagePicker.Names(members),
            FindingGroups = meeting.AnswersFindings ? FindingGroups(meeting, members, picker) : [],
            Parts = Parts(members, picker),
            Causes = Causes(members, picker),
            MeasureParts = MeasureParts(members, picker),
        };
    }

    private static string? Given(string text) => string.IsNullOrWhiteSpace(text) ? null : DraftText.Clean(text);

    private static List<TeamFindingGroup> FindingGroups(TeamMeeting meeting, IReadOnlyList<MemberMaterial> members, PassagePicker picker) =>
    [
        .. meeting.Findings.GroupBy(f => f.Aspect).Select(aspect => new TeamFindingGroup(aspect.Key, [.. aspect.Select(finding =>
        {
            var claims = members.SelectMany(m => m.Draft.Claims.Where(c => c.FindingId == finding.Id).Select(c => (Member: m, Claim: c))).ToArray();
            return new TeamFindingItem(
                finding.Id,
                finding.Text,
                picker.MostConcrete(claims.Select(c => c.Claim.Showing)),
                picker.MostConcrete(claims.Select(c => c.Claim.Example), MostExamples),
                picker.Commitments(claims.Select(c => c.Claim.Measure)),
                PassagePicker.Names(claims.Select(c => c.Member)));
        })])),
    ];

    /// <summary>
    /// The problems by part: a checklist problem (same key) raised by several members is one item;
    /// a problem in a member's own words is an item of its own.
    /// </summary>
    private static List<TeamProblemPart> Parts(IReadOnlyList<MemberMaterial> members, PassagePicker picker) =>
    [
        .. members.SelectMany(m => m.Draft.Aspects.Select(a => (Member: m, Aspect: a)))
            .GroupBy(x => (x.Aspect.Title, x.Aspect.IsHeading))
            .Select(part => new TeamProblemPart(part.Key.Title, part.Key.IsHeading, [.. part
                .SelectMany(x => x.Aspect.Problems.Select(p => (x.Member, Problem: p)))
                // Own-wording problems have no key: a fresh object is a group of its own.
                .GroupBy(x => x.Problem.Key ?? new object())
                .Select(item => new TeamProblem(
                    picker.MostCommon(item.Select(x => x.Problem.Statement)),
                    picker.MostConcrete(item.Select(x => x.Problem.Showing)),
                    picker.MostConcrete(item.Select(x => x.Problem.Example), MostExamples),
                    PassagePicker.Names(item.Select(x => x.Member))))])),
    ];

    private static List<TeamCause> Causes(IReadOnlyList<MemberMaterial> members, PassagePicker picker) =>
    [
        .. members.SelectMany(m => m.Draft.Causes.Select(c => (Member: m, Cause: c)))
            .GroupBy(x => x.Cause.Heading)
            .Select(cause => new TeamCause(
                cause.Key,
                picker.MostConcrete(cause.Select(x => x.Cause.Showing)),
                PassagePicker.Names(cause.Select(x => x.Member)))),
    ];

    private static List<TeamMeasurePart> MeasureParts(IReadOnlyList<MemberMaterial> members, PassagePicker picker) =>
    [
        .. members.SelectMany(m => m.Draft.MeasureGroups.Select(g => (Member: m, Group: g)))
            .GroupBy(x => (x.Group.AspectTitle, x.Group.IsHeading))
            .Select(part => new TeamMeasurePart(part.Key.AspectTitle, part.Key.IsHeading, [.. part
                .SelectMany(x => x.Group.Measures.Select(m => (x.Member, Measure: m)))
                .GroupBy(x => x.Measure.Heading)
                .Select(measure => new TeamMeasure(
                    measure.Key,
                    picker.Commitments(measure.Select(x => x.Measure.Commitment)),
                    PassagePicker.Names(measure.Select(x => x.Member))))])),
    ];
}
