using System.Globalization;
using System.Text;

namespace MeetingBot.Materials.Drafts;

/// <summary>What of the cadre's own text may enter a material.</summary>
public static class DraftText
{
    /// <summary>
    /// The answer as one line of printable text: line breaks become a space (none between two
    /// Chinese characters, where a space would be a typo), control and other invisible format
    /// characters are dropped, runs of spaces are one.
    /// </summary>
    public static string Clean(string answer)
    {
        var text = new StringBuilder(answer.Length);
        var pendingBreak = false;
        foreach (var rune in answer.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r' or '\t' or ' ' or '\u3000')
            {
                pendingBreak = true;
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            if (pendingBreak && text.Length > 0 && !(IsWide(LastRune(text)) && IsWide(rune)))
            {
                text.Append(' ');
            }

            pendingBreak = false;
            text.Append(rune.ToString());
        }

        return text.ToString();
    }

    private static Rune LastRune(StringBuilder text) =>
        text.Length >= 2 && char.IsSurrogatePair(text[^2], text[^1]) ? new Rune(text[^2], text[^1]) : new Rune(text[^1]);

    // CJK ideographs and full-width punctuation: no space belongs between two of them.
    private static bool IsWide(Rune rune) => rune.Value is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFFEF or >= 0x20000;
}
