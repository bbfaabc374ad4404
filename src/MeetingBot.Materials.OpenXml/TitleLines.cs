namespace MeetingBot.Materials.OpenXml;

/// <summary>
/// Sets a title line on the width of the type area. The rule: a line that fits stays as given; a
/// line that does not becomes two lines as equal as possible, at a natural break when one is
/// nearly as balanced (within <see cref="Tolerance"/>), and each of the two is checked again.
/// Widths are in em of the title's size: a Chinese character or full-width mark is 1, an ASCII
/// character (a digit of a year, a Latin letter) is ½.
/// </summary>
internal static class TitleLines
{
    /// <summary>How many em longer a natural break's longer line may be than the most balanced split's.</summary>
    public const double Tolerance = 2;

    // Words a title reads well broken after (a phrase ending in 的; a party group's or committee's
    // name) and before (a phrase opened by 关于; the genre's closing words). Matched, never written.
    private static readonly string[] BreakAfter = ["的", "党组", "党委"];
    private static readonly string[] BreakBefore = ["关于", "个人对照检查材料"];

    // Marks that may not start a line, and marks that may not end one.
    private const string NoLineStart = "、，。；：！？）」』”’》…—";
    private const string NoLineEnd = "（「『“‘《";

    public static IEnumerable<string> Split(string line, double capacity)
    {
        if (Width(line) <= capacity)
        {
            return [line];
        }

        var at = BestBreak(line);
        return at is int p
            ? Split(line[..p], capacity).Concat(Split(line[p..], capacity))
            : [line];
    }

    public static double Width(ReadOnlySpan<char> text)
    {
        var width = 0.0;
        foreach (var c in text)
        {
            width += char.IsLowSurrogate(c) ? 0 : char.IsAscii(c) ? 0.5 : 1;
        }

        return width;
    }

    private static int? BestBreak(string line)
    {
        var breaks = Enumerable.Range(1, line.Length - 1).Where(p => CanBreak(line, p))
            .Select(p => (At: p, Longer: Math.Max(Width(line.AsSpan(0, p)), Width(line.AsSpan(p)))))
            .ToList();
        if (breaks.Count == 0)
        {
            return null;
        }

        var balanced = breaks.MinBy(b => b.Longer);
        var natural = breaks.Where(b => IsNatural(line, b.At) && b.Longer <= balanced.Longer + Tolerance).ToList();
        return natural.Count > 0 ? natural.MinBy(b => b.Longer).At : balanced.At;
    }

    private static bool CanBreak(string line, int p) =>
        !char.IsSurrogatePair(line[p - 1], line[p])
        && !(char.IsAsciiLetterOrDigit(line[p - 1]) && char.IsAsciiLetterOrDigit(line[p]))
        && !NoLineStart.Contains(line[p], StringComparison.Ordinal)
        && !NoLineEnd.Contains(line[p - 1], StringComparison.Ordinal);

    private static bool IsNatural(string line, int p) =>
        BreakAfter.Any(w => line.AsSpan(0, p).EndsWith(w, StringComparison.Ordinal))
        || BreakBefore.Any(w => line.AsSpan(p).StartsWith(w, StringComparison.Ordinal));
}
