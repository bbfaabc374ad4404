using System.Diagnostics.CodeAnalysis;
namespace MeetingBot.Materials.Team;

/// <summary>
/// A row of the 整改清单: the problem, the measure as the member wrote it, its owner and the deadline
/// read from the measure (<see cref="Deadlines"/>); for a claimed finding, its id and text.
/// <see cref="Measure"/> is null when the member has not written it yet; for a measure of the
/// problems, <see cref="Heading"/> is its heading, there even then. <see cref="Problem"/> is empty
/// when the member named no problem in the measure's part.
/// </summary>
public sealed record RectificationRow(string Problem, string? Measure, string Owner, string? Deadline, string? FindingId, string? Finding)
{
    /// <summary>The heading of a measure of the problems (chosen by the member); null for a finding's measure.</summary>
    public string? Heading { get; init; }
}

/// <summary>
/// The 整改清单 of a meeting: one row per commitment. First each claimed finding's measure, by the
/// findings' order and then the members'; then each member's measures of their problems, in roster
/// order, the problem being the labels of that member's problems in the same part. A claim of a
/// finding the meeting no longer lists is left out.
/// </summary>
public sealed class RectificationList
{
    /// <summary>Joins the labels of several problems in <see cref="RectificationRow.Problem"/>.</summary>
    public const string ProblemSeparator = "；";

    /// <summary>Joins a measure's heading and its commitment into one sentence.</summary>
    private const string SentenceEnd = "。";

    /// <summary>What a label may end in that would double the separator.</summary>
    private static readonly char[] LabelEnds = ['。', '；'];

    [SuppressMessage("Performance", "CA1822", Justification = "A service, injected where the secretary asks for it.")]
    public IReadOnlyList<RectificationRow> Rows(TeamMeeting meeting, IReadOnlyList<MemberMaterial> members)
    {
        var findings = meeting.Findings.Select((f, i) => (Finding: f, Order: i)).ToDictionary(f => f.Finding.Id);
        var claims = members
            .SelectMany(m => m.Draft.Claims.Where(c => findings.ContainsKey(c.FindingId)).Select(c => (Member: m, Claim: c, Of: findings[c.FindingId])))
            .OrderBy(c => c.Of.Order)
            .Select(c => new RectificationRow(
                c.Of.Finding.Text,
                c.Claim.Measure.Value,
                c.Member.Name,
                Deadlines.Read(c.Claim.Measure.Value),
                c.Of.Finding.Id,
                c.Of.Finding.Text));
        return [.. claims, .. members.SelectMany(MeasureRows)];
    }

    private static IEnumerable<RectificationRow> MeasureRows(MemberMaterial member) =>
        member.Draft.MeasureGroups.SelectMany(group =>
        {
            var problems = string.Join(ProblemSeparator, member.Draft.Aspects
                .Where(a => a.Title == group.AspectTitle && a.IsHeading == group.IsHeading)
                .SelectMany(a => a.Problems)
                .Select(p => p.Label.TrimEnd(LabelEnds)));
            return group.Measures.Select(m => new RectificationRow(
                problems,
                m.Commitment.Value is { } commitment ? Sentence(m.Heading) + commitment : null,
                member.Name,
                Deadlines.Read(m.Commitment.Value),
                null,
                null) { Heading = m.Heading });
        });

    private static string Sentence(string heading) => heading.EndsWith(SentenceEnd, StringComparison.Ordinal) ? heading : heading + SentenceEnd;
}
