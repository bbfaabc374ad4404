namespace MeetingBot.Materials.Drafts;

/// <summary>
/// Everything a personal 对照检查材料 says, as data for templates/draft.scriban. Every sentence about
/// the cadre is theirs: written by them, or a suggested sentence they kept with 采用. What is missing
/// is a <see cref="DraftField"/> without a value, which the template prints as 「待补充：…」 and
/// which is listed in <see cref="Gaps"/>.
/// </summary>
public sealed record DraftModel
{
    /// <summary>annual, central_inspection, local_inspection, organizational or special; empty until chosen.</summary>
    public required string MeetingKind { get; init; }

    public required DraftField MeetingTitle { get; init; }

    /// <summary>The year of an annual meeting; null for other kinds.</summary>
    public DraftField? Year { get; init; }

    /// <summary>For an inspection meeting (else null): the inspection group, the feedback notice and how many aspects and problems it names.</summary>
    public DraftInspection? Inspection { get; init; }

    public required DraftField Name { get; init; }

    public required DraftField Unit { get; init; }

    public required DraftField Post { get; init; }

    public required DraftField Areas { get; init; }

    public required DraftField Opinions { get; init; }

    public required DraftField Talks { get; init; }

    public required DraftField Studied { get; init; }

    /// <summary>Only for inspection meetings; null otherwise.</summary>
    public DraftField? Findings { get; init; }

    /// <summary>
    /// The inspection findings the cadre took up (认领), in the meeting's order: how each shows in
    /// their work, their example and their measure. Empty outside a meeting with findings.
    /// </summary>
    public IReadOnlyList<DraftClaim> Claims { get; init; } = [];

    /// <summary>
    /// The aspects in which the cadre named problems, in bank order; under a meeting's theme, the
    /// theme's headings instead, aspects that share a heading written together.
    /// </summary>
    public required IReadOnlyList<DraftAspect> Aspects { get; init; }

    public required IReadOnlyList<DraftCause> Causes { get; init; }

    public required IReadOnlyList<DraftMeasureGroup> MeasureGroups { get; init; }

    /// <summary>The date the draft is dated (today where the meeting is held), as the material writes it.</summary>
    public required string Date { get; init; }

    public required IReadOnlyList<DraftGap> Gaps { get; init; }
}

/// <summary>A fact of the draft: its text, or, when missing, what the cadre still has to supply.</summary>
public sealed record DraftField(string? Value, string Gap)
{
    public bool Missing => Value is null;
}

public sealed record DraftInspection(DraftField Group, DraftField Notice, DraftField Aspects, DraftField Count);

/// <summary>
/// A part of the problems (or of the measures): its title, and whether that title is a heading of the
/// meeting's theme, written as it stands, rather than an aspect's name, written 「……方面」.
/// </summary>
public sealed record DraftAspect(string Title, bool IsHeading, IReadOnlyList<DraftProblem> Problems);

/// <summary>
/// One 一是/二是 item: the problem as the cadre states it, how it shows in their work, and their
/// concrete example; <see cref="Label"/> is the short name the causes refer to it by.
/// <see cref="Key"/> names a problem of the checklist (its aspect and option, the same for everyone
/// who chose it); null for a problem in the cadre's own wording (其他).
/// </summary>
public sealed record DraftProblem(string? Key, string Label, DraftField Statement, DraftField Showing, DraftField Example);

/// <summary>A finding the cadre took up: its id and text as the meeting has them, how it shows in their work, their example and measure.</summary>
public sealed record DraftClaim(string FindingId, string Finding, DraftField Showing, DraftField Example, DraftField Measure);

/// <summary>A root cause: its heading (chosen by the cadre), how it shows in them, and the problems it explains.</summary>
public sealed record DraftCause(string Heading, DraftField Showing, IReadOnlyList<string> Explains);

/// <summary>The measures answering one aspect (or, under a theme, one heading; see <see cref="DraftAspect"/>).</summary>
public sealed record DraftMeasureGroup(string AspectTitle, bool IsHeading, IReadOnlyList<DraftMeasure> Measures);

/// <summary>A measure: its heading (chosen by the cadre) and what they will do, checkably.</summary>
public sealed record DraftMeasure(string Heading, DraftField Commitment);

/// <summary>
/// Where the draft still says 待补充, or needs more (a section, and the item in it if any), and what
/// is missing there. <see cref="Vague"/>: the cadre's words are in the draft but not yet concrete or
/// checkable. For a problem that no chosen cause explains, <see cref="SuggestedCauses"/> names the
/// causes that would. The wording of every gap is the review template's.
/// </summary>
public sealed record DraftGap(string Section, string? Item, string What)
{
    public bool Vague { get; init; }

    public IReadOnlyList<string> SuggestedCauses { get; init; } = [];
}
