using MeetingBot.Materials.Outline;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// Finds the defects of a material and explains each; it never changes the text. Works on any
/// plain text (lines; parts by their 一、二、三、 headings; items by （一）, 1. and 一是) and on the
/// bot's own drafts. What it looks for is all in dialogs/checks.yaml (see dialogs/README.md).
/// </summary>
public sealed class MaterialChecker(CheckRules rules)
{
    public CheckRules Rules { get; } = rules;

    public static MaterialChecker Load(string dialogsDirectory) => new(CheckRulesLoader.Load(dialogsDirectory));

    public IReadOnlyList<Finding> Check(DocumentOutline outline, CheckOptions? options = null) =>
        Check(OutlineText.Render(outline), options);

    public IReadOnlyList<Finding> Check(string text, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var original = MaterialLayout.Read(text, Rules.Sections);
        var hits = new List<Hit>();

        // Residue (advertising, paywall marks, contact ids, web and template code) is reported
        // whole and blanked out, so that nothing in it counts as the author's words: no wrong word
        // in an advert, no digit in it making an item look concrete.
        var residue = new List<Hit>();
        LineChecks.Patterns(original, Rules.Patterns.Where(p => p.Residue), residue);
        hits.AddRange(Separate(residue, (a, b) => true));
        var layout = MaterialLayout.Read(Blank(text, hits), Rules.Sections);

        LineChecks.Patterns(layout, Rules.Patterns.Where(p => !p.Residue), hits);
        foreach (var line in layout.Lines)
        {
            Rules.Lexicon.Find(line.Text, line.Start, hits);
        }

        LineChecks.Pairs(layout, Rules.Punctuation, hits);
        PlenumCheck.Run(layout, Rules.Plenums, Rules.Year, options, hits);
        PrivacyCheck.Run(layout, Rules.Privacy, options, hits);
        StructureCheck.Run(layout, Rules.Structure, Rules.Lexicon, hits);

        return Separate(hits, (a, b) => a.Category == b.Category)
            .OrderBy(h => h.Start).ThenBy(h => h.Category)
            .Select(h => ToFinding(original, h))
            .ToList();
    }

    // In the order found, a hit that overlaps an earlier kept one of the same kind says nothing new.
    private static List<Hit> Separate(List<Hit> hits, Func<Hit, Hit, bool> sameKind)
    {
        var kept = new List<Hit>();
        foreach (var hit in hits.Where(h => h.Length > 0))
        {
            if (!kept.Any(k => sameKind(k, hit) && k.Overlaps(hit)))
            {
                kept.Add(hit);
            }
        }

        return kept;
    }

    private static string Blank(string text, IEnumerable<Hit> residue)
    {
        var chars = text.ToCharArray();
        foreach (var hit in residue)
        {
            for (var i = hit.Start; i < hit.End; i++)
            {
                chars[i] = chars[i] is '\n' or '\r' ? chars[i] : ' ';
            }
        }

        return new string(chars);
    }

    private static Finding ToFinding(MaterialLayout layout, Hit hit)
    {
        var line = layout.LineAt(hit.Start);
        var text = layout.Text.Substring(hit.Start, hit.Length);
        return new Finding(line.Number, ScalarCount(layout.Text.AsSpan(line.Start, hit.Start - line.Start)) + 1,
            ScalarCount(text), hit.Category, text, hit.Suggestion, hit.Note);
    }

    // Unicode scalar values: a surrogate pair is one character.
    private static int ScalarCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsLowSurrogate(c) ? 0 : 1;
        }

        return count;
    }
}
