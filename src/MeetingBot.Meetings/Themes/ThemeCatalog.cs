using MeetingBot.Dialogs.Loading;

namespace MeetingBot.Meetings.Themes;

/// <summary>
/// The themes of dialogs/themes/, one file each, loaded and checked at start-up like the question
/// banks (dialogs/README.md, "Themes"); and the theme a meeting compares against.
/// </summary>
public sealed class ThemeCatalog
{
    private readonly Dictionary<string, Theme> _byId;

    internal ThemeCatalog(IReadOnlyList<Theme> themes, IReadOnlyList<string> aspects)
    {
        All = themes;
        Aspects = aspects;
        _byId = themes.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>No themes: for a question bank without aspects, whose drafts have no parts to write under headings.</summary>
    public static ThemeCatalog None { get; } = new([], []);

    /// <summary>Every theme, by id.</summary>
    public IReadOnlyList<Theme> All { get; }

    /// <summary>The aspect ids every theme maps (those of the question bank it was loaded for).</summary>
    public IReadOnlyList<string> Aspects { get; }

    /// <summary>
    /// Loads every *.yaml file of <paramref name="directory"/>; each must map every one of
    /// <paramref name="aspects"/> to a heading of its own.
    /// </summary>
    /// <exception cref="ContentLoadException">A file is broken; each problem names the file and the line.</exception>
    public static ThemeCatalog Load(string directory, IReadOnlyList<string> aspects) => ThemeFiles.Load(directory, aspects);

    public Theme? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The themes of a kind; with a year, those of that year and those of no year.</summary>
    public IReadOnlyList<Theme> For(MeetingKind kind, int? year = null) =>
        All.Where(t => t.Kind == kind && (year is null || t.Year is null || t.Year == year)).ToArray();

    /// <summary>The theme a meeting names, or the one of its headings entered by hand; null when it has neither.</summary>
    public Theme? ThemeOf(Meeting meeting) => meeting switch
    {
        { ThemeId: { } id } => Find(id),
        { Headings.Count: > 0 } => Theme.Entered(meeting.Kind, meeting.Title, meeting.Headings, Aspects),
        _ => null,
    };
}
