using System.Text.RegularExpressions;

namespace MeetingBot.Materials.Checking;

/// <summary>One line of the text: where it starts, what part of the material it is in.</summary>
internal sealed record TextLine(int Number, int Start, string Text, SectionKind Section, bool IsHeading)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// An item marker: level 1 is （一）, level 2 is 1., level 3 is 一是; level 4 is an 一是 series
/// begun again inside a level-3 item (一是……三是……一是……二是……四是), read as that item's children.
/// </summary>
internal sealed record Marker(int Start, int End, int Level, bool Restarts);

/// <summary>An item: its marker, its text up to the next item of the same or a higher level.</summary>
internal sealed record Item(int Start, int BodyStart, int End, int Level);

/// <summary>
/// The shape of a plain-text material as the genre writes it (README.md; dialogs/README.md,
/// checks.yaml): title lines, an opening, sections under 一、二、三、 headings named by their
/// words, and items counted （一） / 1. / 一是.
/// </summary>
internal sealed partial class MaterialLayout
{
    private const int TitleLimit = 3;
    private const int TitleLength = 60;
    private const int HeadingWords = 20;

    private readonly List<SectionBlock> _sections = [];

    private MaterialLayout(string text, SectionWords words)
    {
        Text = text;
        var lines = new List<TextLine>();
        var (titles, titleDone, section, start) = (0, false, SectionKind.Opening, 0);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var content = line.TrimStart();
            var heading = SectionHeading().Match(content);
            if (!titleDone && (content.Length == 0 ? titles == 0 : titles < TitleLimit && IsTitle(content, heading.Success)))
            {
                titles += content.Length > 0 ? 1 : 0;
                lines.Add(new TextLine(lines.Count + 1, start, line, SectionKind.Title, false));
            }
            else
            {
                titleDone = true;
                if (heading.Success)
                {
                    section = Classify(content[heading.Length..], words);
                    _sections.Add(new SectionBlock(section));
                }

                lines.Add(new TextLine(lines.Count + 1, start, line, section, heading.Success));
                if (_sections.Count > 0)
                {
                    _sections[^1].Add(lines[^1]);
                }
            }

            start += raw.Length + 1;
        }

        Lines = lines;
        foreach (var block in _sections)
        {
            FindMarkers(block);
        }
    }

    public string Text { get; }

    public IReadOnlyList<TextLine> Lines { get; }

    public IEnumerable<Marker> Restarts => _sections.SelectMany(s => s.Markers).Where(m => m.Restarts);

    public static MaterialLayout Read(string text, SectionWords words) => new(text, words);

    public TextLine LineAt(int offset)
    {
        var index = Lines.Count - 1;
        while (index > 0 && Lines[index].Start > offset)
        {
            index--;
        }

        return Lines[index];
    }

    /// <summary>The smallest items of a section: what a problem statement with its example is.</summary>
    public IEnumerable<Item> Leaves(SectionKind kind) =>
        _sections.Where(s => s.Kind == kind).SelectMany(s => s.Items().Where(i => i.Level == 3 || !s.HasDeeper(i)));

    /// <summary>The items of a section's first level: one cause, one measure.</summary>
    public IEnumerable<Item> TopItems(SectionKind kind) =>
        _sections.Where(s => s.Kind == kind).SelectMany(s =>
        {
            var items = s.Items().ToList();
            return items.Where(i => i.Level == items.Min(x => x.Level));
        });

    public string SectionText(SectionKind kind) =>
        string.Join('\n', Lines.Where(l => l.Section == kind && !l.IsHeading).Select(l => l.Text));

    private static bool IsTitle(string content, bool heading) =>
        content.Length <= TitleLength && !heading
        && !content.EndsWith('。') && !content.EndsWith('；') && !content.EndsWith('：')
        && !Aspect().IsMatch(content) && !Numbered().IsMatch(content);

    private static SectionKind Classify(string heading, SectionWords words)
    {
        var head = heading.Length > HeadingWords ? heading[..HeadingWords] : heading;
        return words.Causes.Any(w => head.Contains(w, StringComparison.Ordinal)) ? SectionKind.Causes
            : words.Measures.Any(w => head.Contains(w, StringComparison.Ordinal)) ? SectionKind.Measures
            : words.Problems.Any(w => head.Contains(w, StringComparison.Ordinal)) ? SectionKind.Problems
            : SectionKind.Other;
    }

    // 一是……三是 counts afresh under each （一） or 1.; a new 一是 after a higher one opens a series
    // of children, which ends when the outer count goes on.
    private static void FindMarkers(SectionBlock block)
    {
        var (outer, inner, nested) = (0, 0, false);
        foreach (var line in block.Body)
        {
            var lead = line.Text.Length - line.Text.TrimStart().Length;
            var content = line.Text[lead..];
            var head = Aspect().Match(content) is { Success: true } a ? (Length: a.Length, Level: 1)
                : Numbered().Match(content) is { Success: true } n ? (Length: n.Length, Level: 2) : (Length: 0, Level: 0);
            if (head.Level > 0)
            {
                block.Markers.Add(new Marker(line.Start + lead, line.Start + lead + head.Length, head.Level, false));
                (outer, inner, nested) = (0, 0, false);
            }

            foreach (Match count in Count().Matches(line.Text))
            {
                var ordinal = "一二三四五六七八九十".IndexOf(count.Value[0], StringComparison.Ordinal) + 1;
                var restarts = false;
                if (nested && ordinal == inner + 1 && ordinal != outer + 1)
                {
                    inner = ordinal;
                }
                else if (!nested && ordinal == 1 && outer >= 1)
                {
                    (nested, inner, restarts) = (true, 1, true);
                }
                else
                {
                    (nested, outer) = (false, ordinal);
                }

                block.Markers.Add(new Marker(line.Start + count.Index, line.Start + count.Index + count.Length, nested ? 4 : 3, restarts));
            }
        }
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^（[一二三四五六七八九十]+）")]
    private static partial Regex Aspect();

    [GeneratedRegex(@"^\d{1,2}[.．、](?!\d)")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"(?<=^|[。；：，！？\s）])[一二三四五六七八九十]是")]
    private static partial Regex Count();

    /// <summary>One 一、二、三、 section: its heading line, its body lines and their markers.</summary>
    private sealed class SectionBlock(SectionKind kind)
    {
        private readonly List<TextLine> _lines = [];

        public SectionKind Kind { get; } = kind;

        public IEnumerable<TextLine> Body => _lines.Skip(1);

        public List<Marker> Markers { get; } = [];

        public void Add(TextLine line) => _lines.Add(line);

        public IEnumerable<Item> Items()
        {
            var end = _lines[^1].End;
            for (var i = 0; i < Markers.Count; i++)
            {
                var marker = Markers[i];
                if (marker.Level <= 3)
                {
                    var next = Markers.Skip(i + 1).FirstOrDefault(m => m.Level <= marker.Level);
                    yield return new Item(marker.Start, marker.End, next?.Start ?? end, marker.Level);
                }
            }
        }

        public bool HasDeeper(Item item) =>
            Markers.Any(m => m.Start > item.Start && m.Start < item.End && m.Level > item.Level && m.Level <= 3);
    }
}
