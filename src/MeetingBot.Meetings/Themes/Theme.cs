namespace MeetingBot.Meetings.Themes;

/// <summary>
/// The headings a meeting's materials compare against (docs/domain.md, "Who and when": a year's
/// 「四个带头」 or 「五个带头」, an inspection's aspects), in order, and the heading each of the
/// self-check's problem aspects is written under. A theme comes from a file of dialogs/themes/
/// (<see cref="ThemeCatalog"/>) or from headings a secretary entered by hand (<see cref="Entered"/>).
/// </summary>
public sealed record Theme
{
    /// <summary>The id of every theme entered by hand; no theme file may take it.</summary>
    public const string EnteredId = "entered";

    public required string Id { get; init; }

    /// <summary>Raised whenever the headings change, like a question bank's version.</summary>
    public required int Version { get; init; }

    public required MeetingKind Kind { get; init; }

    /// <summary>The year an annual meeting reviews (2026年度); null for other kinds when the theme is not a year's.</summary>
    public int? Year { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<ThemeHeading> Headings { get; init; }

    /// <summary>For each aspect id (the <c>aspect</c> of a section of dialogs/self-check.yaml), the id of its heading.</summary>
    public required IReadOnlyDictionary<string, string> AspectHeadings { get; init; }

    /// <summary>An inspection meeting's findings get a section of their own rather than standing under the headings.</summary>
    public bool FindingsSection { get; init; }

    /// <summary>The heading an aspect's problems are written under.</summary>
    public ThemeHeading HeadingOf(string aspect) => Headings.First(h => h.Id == AspectHeadings[aspect]);

    /// <summary>
    /// The headings a secretary pasted: one a line, their numbering (一、 1. （一） …) taken off, blank
    /// lines skipped. Empty when the text holds none.
    /// </summary>
    public static IReadOnlyList<string> ParseHeadings(string text) =>
        text.Split('\n').Select(line => ListNumbering.Read(line).Text.TrimEnd('。', '；', ';', '：', ':')).Where(h => h.Length > 0).ToArray();

    /// <summary>
    /// A theme of headings entered by hand (ids h1, h2, …). The aspects are mapped in order: the first
    /// aspect to the first heading and so on; with fewer headings than aspects, the aspects left over
    /// go to the last heading. An inspection meeting's findings get their own section.
    /// </summary>
    public static Theme Entered(MeetingKind kind, string title, IReadOnlyList<string> headings, IReadOnlyList<string> aspects)
    {
        ArgumentOutOfRangeException.ThrowIfZero(headings.Count);
        var ids = headings.Select((_, i) => $"h{i + 1}").ToArray();
        return new Theme
        {
            Id = EnteredId,
            Version = 1,
            Kind = kind,
            Title = title,
            Headings = headings.Select((h, i) => new ThemeHeading(ids[i], h)).ToArray(),
            AspectHeadings = aspects.Select((a, i) => (a, ids[Math.Min(i, ids.Length - 1)])).ToDictionary(p => p.a, p => p.Item2, StringComparer.Ordinal),
            FindingsSection = MeetingKinds.IsInspection(kind),
        };
    }
}

/// <summary>One heading of a theme: a stable id and its title as a material writes it.</summary>
public sealed record ThemeHeading(string Id, string Title);
