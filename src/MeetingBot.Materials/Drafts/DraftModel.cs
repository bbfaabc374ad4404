namespace MeetingBot.Materials.Drafts;

/// <summary>
/// Everything a personal 对照检查材料 says, as data for templates/draft.scriban. Every fact comes
/// from the cadre's answers; what is missing is a <see cref="DraftField"/> without a value, which
/// the template prints as 「待补充：…」 and which is listed in <see cref="Gaps"/>.
/// </summary>
public sealed record DraftModel
{
    /// <summary>annual, inspection, organizational or special; empty until chosen.</summary>
    public required string MeetingKind { get; init; }

    public required DraftField MeetingTitle { get; init; }

    public required DraftField Name { get; init; }

    public required DraftField Unit { get; init; }

    public required DraftField Post { get; init; }

    public required DraftField Areas { get; init; }

    public required DraftField Opinions { get; init; }

    public required DraftField Talks { get; init; }

    public required DraftField Studied { get; init; }

    /// <summary>Only for inspection meetings; null otherwise.</summary>
    public DraftField? Findings { get; init; }

    /// <summary>The aspects in which the cadre named problems, in bank order.</summary>
    public required IReadOnlyList<DraftAspect> Aspects { get; init; }

    public required IReadOnlyList<DraftCause> Causes { get; init; }

    public required IReadOnlyList<DraftMeasureGroup> MeasureGroups { get; init; }

    public required IReadOnlyList<DraftGap> Gaps { get; init; }
}

/// <summary>A fact of the draft: its text, or, when missing, what the cadre still has to supply.</summary>
public sealed record DraftField(string? Value, string Gap)
{
    public bool Missing => Value is null;
}

public sealed record DraftAspect(string Title, IReadOnlyList<DraftProblem> Problems);

/// <summary>One 一是/二是 item: the problem, its elaboration and the cadre's concrete example.</summary>
public sealed record DraftProblem(string Statement, string? Detail, DraftField Example);

public sealed record DraftCause(string Heading, string Text);

/// <summary>The measures answering one aspect, with the cadre's checkable commitment.</summary>
public sealed record DraftMeasureGroup(string AspectTitle, IReadOnlyList<DraftMeasure> Measures, DraftField Commitment);

public sealed record DraftMeasure(string Heading, string Text);

/// <summary>
/// Where the draft still says 待补充 (a section, and the item in it if any), and what is missing
/// there. For a problem that no chosen cause explains, <see cref="SuggestedCauses"/> names the
/// causes that would; the wording of every gap is the review template's.
/// </summary>
public sealed record DraftGap(string Section, string? Item, string What)
{
    public IReadOnlyList<string> SuggestedCauses { get; init; } = [];
}
