using System.Globalization;
using System.Text.RegularExpressions;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// Congresses and plenums against the material's year: one held after the material was written
/// cannot be in it; in a material of <see cref="PlenumRules.StaleFrom"/> or later, an older
/// congress's plenum studied as the current guidance is out of date.
/// </summary>
internal static class PlenumCheck
{
    private const string SentenceEnds = "。；！？";

    public static void Run(MaterialLayout layout, PlenumRules rules, YearRules year, CheckOptions options, List<Hit> hits)
    {
        var written = MaterialYear.Read(layout, year, options);
        var latest = written.Earliest is { } earliest
            ? rules.Held.Values.Where(h => h.IsCongress && h.Held < new YearMonth(earliest, 1)).MaxBy(h => h.Held)
            : null;
        foreach (var line in layout.Lines)
        {
            foreach (Match match in rules.Mention.Matches(line.Text))
            {
                var name = match.Value;
                var at = (Start: line.Start + match.Index, match.Length);
                if (written.Cutoff is { } cutoff && rules.Held.TryGetValue(name, out var held) && held.Held > cutoff)
                {
                    hits.Add(Hit(at, rules.Future, ("name", name), ("held", held.Held.ToString()), ("year", Number(written.Stated))));
                }
                else if (written.Cutoff is { } before && !rules.Held.ContainsKey(name) && before <= rules.KnownUntil)
                {
                    hits.Add(Hit(at, rules.Unknown, ("name", name), ("known", rules.KnownUntil.ToString())));
                }

                if (latest is not null && written.Earliest >= rules.StaleFrom
                    && CheckRulesLoader.ChineseNumber(match.Groups["congress"].Value) < latest.Congress
                    && Sentence(line.Text, match.Index) is var sentence
                    && rules.StaleContext.IsMatch(sentence)
                    && !rules.Mention.Matches(sentence).Any(m => CheckRulesLoader.ChineseNumber(m.Groups["congress"].Value) >= latest.Congress))
                {
                    hits.Add(Hit(at, rules.Stale, ("name", name), ("latest", latest.Name), ("year", Number(written.Earliest))));
                }
            }
        }
    }

    private static string Sentence(string line, int index)
    {
        var start = line.AsSpan(0, index).LastIndexOfAny(SentenceEnds) + 1;
        var end = line.AsSpan(index).IndexOfAny(SentenceEnds);
        return line[start..(end < 0 ? line.Length : index + end)];
    }

    private static string Number(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static Hit Hit((int Start, int Length) at, Advice advice, params (string Name, string Value)[] values)
    {
        string Fill(string text) => values.Aggregate(text, (t, v) => t.Replace("{" + v.Name + "}", v.Value, StringComparison.Ordinal));
        return new Hit(at.Start, at.Length, FindingCategory.Year, Fill(advice.Suggestion), Fill(advice.Note));
    }
}

/// <summary>
/// When a material was written, as far as its text tells: a year the text states (the option, a
/// 20XX年度 meeting, the date line at the end) bounds it from above; every year it mentions bounds
/// it from below, since nobody writes about a year still to come.
/// </summary>
internal sealed record MaterialYear(YearMonth? Cutoff, int? Stated, int? Earliest)
{
    private const int DateLines = 5;

    public static MaterialYear Read(MaterialLayout layout, YearRules rules, CheckOptions options)
    {
        YearMonth? cutoff = null;
        int? stated = options.Year;
        if (stated is null && layout.Lines.Select(l => rules.Annual.Match(l.Text)).FirstOrDefault(m => m.Success) is { } annual)
        {
            stated = Parse(annual.Groups[1].Value);
        }

        if (stated is { } year)
        {
            // A year's meeting is held up to a few months into the next year.
            cutoff = new YearMonth(year + 1, rules.AnnualEnds);
        }
        else if (layout.Lines.TakeLast(DateLines).Select(l => rules.Dated.Match(l.Text)).LastOrDefault(m => m.Success) is { } dated)
        {
            stated = Parse(dated.Groups[1].Value);
            cutoff = new YearMonth(stated ?? 0, Parse(dated.Groups[2].Value) ?? 12);
        }

        var mentioned = layout.Lines.SelectMany(l => rules.Mentioned.Matches(l.Text)).Select(m => Parse(m.Groups[1].Value)).Append(stated).Max();
        return new MaterialYear(cutoff, stated, mentioned);
    }

    private static int? Parse(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
