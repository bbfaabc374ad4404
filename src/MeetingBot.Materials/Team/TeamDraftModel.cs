namespace MeetingBot.Materials.Team;

/// <summary>
/// Everything the team's 班子对照检查材料 says, as data for templates/team_draft.scriban and, with who
/// raised what, for templates/team_appendix.scriban. Every sentence about the team's conduct is a
/// member's, taken as they wrote it; the templates only frame it. A part with nothing to say is
/// null or empty here, and the template prints 「待补充：…」.
/// </summary>
public sealed record TeamDraftModel
{
    /// <summary>The meeting's kind, as <see cref="TeamMeeting.Kind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The meeting's title; null when the meeting has none yet.</summary>
    public required string? Title { get; init; }

    /// <summary>The unit whose team meets; null when the meeting names none yet.</summary>
    public required string? Unit { get; init; }

    /// <summary>The meeting's date as the material writes it; null when the meeting has none yet.</summary>
    public required string? Date { get; init; }

    /// <summary>The names of the members whose material went in, in roster order.</summary>
    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>For an inspection meeting, the findings by their aspect, in the meeting's order; empty otherwise.</summary>
    public required IReadOnlyList<TeamFindingGroup> FindingGroups { get; init; }

    /// <summary>The members' own problems, by part (aspect or theme heading) in order of first appearance.</summary>
    public required IReadOnlyList<TeamProblemPart> Parts { get; init; }

    public required IReadOnlyList<TeamCause> Causes { get; init; }

    /// <summary>The members' measures, by part in order of first appearance (the findings' measures are with the findings).</summary>
    public required IReadOnlyList<TeamMeasurePart> MeasureParts { get; init; }

    /// <summary>How many findings the feedback names.</summary>
    public int FindingCount => FindingGroups.Sum(g => g.Findings.Count);

    /// <summary>The findings no member took up.</summary>
    public IReadOnlyList<TeamFindingItem> Unclaimed => [.. FindingGroups.SelectMany(g => g.Findings).Where(f => f.RaisedBy.Count == 0)];
}

/// <summary>An aspect line of the feedback (empty when it names none) and its findings.</summary>
public sealed record TeamFindingGroup(string Aspect, IReadOnlyList<TeamFindingItem> Findings);

/// <summary>
/// A finding as the team answers it: its text, the most concrete showing and examples the members
/// who claimed it gave, their measures, and who claimed it (<see cref="RaisedBy"/>, for the appendix only).
/// </summary>
public sealed record TeamFindingItem(
    string Id,
    string Text,
    string? Showing,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> RaisedBy);

/// <summary>A part of the problems: its title, and whether it is a theme heading (as it stands) or an aspect (「……方面」).</summary>
public sealed record TeamProblemPart(string Title, bool IsHeading, IReadOnlyList<TeamProblem> Problems);

/// <summary>
/// One 一是/二是 item: a checklist problem raised by one or more members, or one member's problem in
/// their own words. <see cref="Statement"/> is null when no member stated it usably.
/// </summary>
public sealed record TeamProblem(string? Statement, string? Showing, IReadOnlyList<string> Examples, IReadOnlyList<string> RaisedBy);

/// <summary>A root cause heading chosen by one or more members, with the most concrete showing of it (null when none).</summary>
public sealed record TeamCause(string Heading, string? Showing, IReadOnlyList<string> RaisedBy);

/// <summary>The measures answering one part of the problems.</summary>
public sealed record TeamMeasurePart(string Title, bool IsHeading, IReadOnlyList<TeamMeasure> Measures);

/// <summary>A measure heading chosen by one or more members, with their distinct commitments (at most three, checkable ones first).</summary>
public sealed record TeamMeasure(string Heading, IReadOnlyList<string> Commitments, IReadOnlyList<string> RaisedBy);
