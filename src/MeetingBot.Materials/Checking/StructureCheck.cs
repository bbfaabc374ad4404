using System.Text.RegularExpressions;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// The shape of the argument: every problem with a concrete example, every measure checkable,
/// every cause explaining a problem, numbering that keeps its levels, sentences not cut by line
/// breaks (dialogs/README.md, checks.yaml, "structure").
/// </summary>
internal static partial class StructureCheck
{
    private const string SentenceEnds = "。；！？\n";

    // A finding quotes the item's first sentence, at most this long: enough to find the item.
    private const int QuoteLimit = 40;

    public static void Run(MaterialLayout layout, StructureRules rules, Lexicon lexicon, List<Hit> hits)
    {
        foreach (var restart in layout.Restarts)
        {
            hits.Add(Hit(restart.Start, restart.End, FindingCategory.Structure, rules.Numbering));
        }

        LineBreaks(layout, rules.LineBreak, hits);
        foreach (var item in layout.Leaves(SectionKind.Problems).Where(i => !Mentions(layout, i, rules.Concrete, rules.Masks, lexicon)))
        {
            hits.Add(Hit(item.Start, Quote(layout, item), FindingCategory.Specificity, rules.Problem));
        }

        foreach (var item in layout.TopItems(SectionKind.Measures).Where(i => !Mentions(layout, i, rules.Checkable, rules.Masks, lexicon)))
        {
            hits.Add(Hit(item.Start, Quote(layout, item), FindingCategory.Specificity, rules.Measure));
        }

        Causes(layout, rules, hits);
    }

    // A sentence goes on on the next line: this line has ended a sentence before, ends in a
    // character, and the next one starts with a character that opens no item.
    private static void LineBreaks(MaterialLayout layout, Advice advice, List<Hit> hits)
    {
        for (var i = 0; i + 1 < layout.Lines.Count; i++)
        {
            var (line, next) = (layout.Lines[i], layout.Lines[i + 1]);
            var text = line.Text.TrimEnd();
            var following = next.Text.TrimStart();
            if (line.Section != SectionKind.Title && !line.IsHeading && !next.IsHeading
                && text.Length > 0 && text.AsSpan(0, text.Length - 1).IndexOfAny("。；！？") >= 0 && Lexicon.IsIdeograph(text[^1])
                && following.Length > 0 && Lexicon.IsIdeograph(following[0]) && !ItemStart().IsMatch(following))
            {
                var tail = Math.Min(4, text.Length);
                hits.Add(Hit(line.Start + text.Length - tail, line.Start + text.Length, FindingCategory.Structure, advice));
            }
        }
    }

    private static void Causes(MaterialLayout layout, StructureRules rules, List<Hit> hits)
    {
        var problems = layout.SectionText(SectionKind.Problems);
        if (problems.Length == 0)
        {
            return;
        }

        foreach (var cause in layout.TopItems(SectionKind.Causes))
        {
            var end = FirstSentenceEnd(layout, cause);
            var heading = layout.Text[cause.BodyStart..end];
            var topics = rules.Topics.Where(t => t.Cause.IsMatch(heading)).ToList();
            if (topics.Count > 0 && !topics.Any(t => t.Problems.IsMatch(problems)))
            {
                hits.Add(Hit(cause.Start, end, FindingCategory.Structure, rules.Cause));
            }
        }
    }

    // Numbers that belong to set phrases (四个意识, 八项规定, 一是) are taken out before looking.
    private static bool Mentions(MaterialLayout layout, Item item, IReadOnlyList<Regex> signs, IReadOnlyList<Regex> masks, Lexicon lexicon)
    {
        var body = lexicon.WithoutSetPhrases(layout.Text[item.BodyStart..item.End]);
        body = masks.Aggregate(body, (text, mask) => mask.Replace(text, " "));
        return signs.Any(s => s.IsMatch(body));
    }

    private static int FirstSentenceEnd(MaterialLayout layout, Item item)
    {
        var end = layout.Text.AsSpan(item.BodyStart, item.End - item.BodyStart).IndexOfAny(SentenceEnds);
        var stop = end < 0 ? item.End : item.BodyStart + end;
        while (stop > item.Start && char.IsWhiteSpace(layout.Text[stop - 1]))
        {
            stop--;
        }

        return stop;
    }

    private static int Quote(MaterialLayout layout, Item item) => Math.Min(FirstSentenceEnd(layout, item), item.Start + QuoteLimit);

    private static Hit Hit(int start, int end, FindingCategory category, Advice advice) =>
        new(start, end - start, category, advice.Suggestion, advice.Note);

    [GeneratedRegex(@"^(（[一二三四五六七八九十]+）|\d{1,2}[.．、]|[一二三四五六七八九十]是)")]
    private static partial Regex ItemStart();
}
