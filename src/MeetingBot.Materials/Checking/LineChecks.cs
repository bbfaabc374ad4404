namespace MeetingBot.Materials.Checking;

/// <summary>The checks that look at one line at a time: patterns and paired punctuation.</summary>
internal static class LineChecks
{
    public static void Patterns(MaterialLayout layout, IEnumerable<PatternRule> rules, List<Hit> hits)
    {
        foreach (var rule in rules)
        {
            foreach (var line in layout.Lines.Where(l => Applies(rule.Where, l)))
            {
                foreach (var match in rule.Regex.EnumerateMatches(line.Text))
                {
                    if (match.Length > 0)
                    {
                        var text = line.Text.Substring(match.Index, match.Length);
                        hits.Add(new Hit(line.Start + match.Index, match.Length, rule.Category,
                            rule.Advice.Suggestion.Replace("{match}", text, StringComparison.Ordinal), rule.Advice.Note));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Opening and closing marks must pair up within a paragraph (a line), and a quotation inside a
    /// quotation takes the single marks, so “…“…”…” is reported at its inner pair.
    /// </summary>
    public static void Pairs(MaterialLayout layout, PairRules rules, List<Hit> hits)
    {
        var opened = rules.Pairs.Select(_ => new Stack<(int At, bool Nested)>()).ToArray();
        var marks = string.Concat(rules.Pairs.Select(p => $"{p.Open}{p.Close}"));
        foreach (var line in layout.Lines)
        {
            for (var i = line.Text.AsSpan().IndexOfAny(marks); i >= 0; i = Next(line.Text, i, marks))
            {
                for (var p = 0; p < rules.Pairs.Count; p++)
                {
                    var (open, close, noNesting) = rules.Pairs[p];
                    if (line.Text[i] == open)
                    {
                        opened[p].Push((i, noNesting && opened[p].Count > 0));
                    }
                    else if (line.Text[i] != close)
                    {
                        continue;
                    }
                    else if (!opened[p].TryPop(out var inner))
                    {
                        hits.Add(new Hit(line.Start + i, 1, FindingCategory.Punctuation, rules.Unbalanced.Suggestion, rules.Unbalanced.Note));
                    }
                    else if (inner.Nested)
                    {
                        hits.Add(new Hit(line.Start + inner.At, i - inner.At + 1, FindingCategory.Punctuation, rules.Nested.Suggestion, rules.Nested.Note));
                    }
                }
            }

            foreach (var stack in opened)
            {
                while (stack.TryPop(out var left))
                {
                    hits.Add(new Hit(line.Start + left.At, 1, FindingCategory.Punctuation, rules.Unbalanced.Suggestion, rules.Unbalanced.Note));
                }
            }
        }
    }

    private static int Next(string text, int after, string marks)
    {
        var next = text.AsSpan(after + 1).IndexOfAny(marks);
        return next < 0 ? -1 : after + 1 + next;
    }

    private static bool Applies(Scope scope, TextLine line) => scope switch
    {
        Scope.Any => true,
        Scope.Body => line.Section != SectionKind.Title,
        Scope.Title => line.Section == SectionKind.Title,
        Scope.Opening => line.Section == SectionKind.Opening,
        Scope.Problems => line.Section == SectionKind.Problems,
        Scope.Causes => line.Section == SectionKind.Causes,
        Scope.Measures => line.Section == SectionKind.Measures,
        _ => false,
    };
}
