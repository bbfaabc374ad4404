namespace MeetingBot.Materials.Checking;

/// <summary>
/// Other people's full names: a surname and one or two characters right before 同志 or a post
/// (李某某同志, 王某某局长), or right after a post or an office and before 同志/负责
/// (副书记李某某同志, 救助科黄某某负责). Names in the title and the signature are the author's.
/// </summary>
internal static class PrivacyCheck
{
    private const int SignatureLines = 3;

    // Longest first: a compound surname with two more characters, then three, then two characters.
    private static readonly int[] Lengths = [4, 3, 2];

    public static void Run(MaterialLayout layout, PrivacyRules rules, CheckOptions options, List<Hit> hits)
    {
        var authors = options.Authors.ToHashSet(StringComparer.Ordinal);
        foreach (var line in layout.Lines.Where(l => l.Section == SectionKind.Title))
        {
            authors.UnionWith(Names(line.Text, rules).Select(n => line.Text.Substring(n.Start, n.Length)));
        }

        foreach (var line in layout.Lines.Where(l => l.Text.Trim().Length > 0).TakeLast(SignatureLines))
        {
            var text = line.Text.Trim();
            if (text.Length is >= 2 and <= 4 && Valid(text, rules))
            {
                authors.Add(text);
            }
        }

        foreach (var line in layout.Lines.Where(l => l.Section != SectionKind.Title))
        {
            foreach (var (start, length) in Names(line.Text, rules))
            {
                var name = line.Text.Substring(start, length);
                if (!authors.Contains(name) && !rules.Public.Contains(name))
                {
                    hits.Add(new Hit(line.Start + start, length, FindingCategory.Privacy, rules.Advice.Suggestion, rules.Advice.Note));
                }
            }
        }
    }

    private static IEnumerable<(int Start, int Length)> Names(string line, PrivacyRules rules)
    {
        foreach (var (word, at) in Occurrences(line, rules.After))
        {
            if (!(word == "同志" && at + 2 < line.Length && line[at + 2] == '们') && Ending(line, at, rules) is { } name)
            {
                yield return name;
            }
        }

        foreach (var (word, at) in Occurrences(line, rules.Before))
        {
            if (Starting(line, at + word.Length, rules, lineEndCounts: true) is { } name)
            {
                yield return name;
            }
        }

        foreach (var (word, at) in Occurrences(line, rules.Units))
        {
            if (Starting(line, at + word.Length, rules, lineEndCounts: false) is { } name)
            {
                yield return name;
            }
        }
    }

    private static IEnumerable<(string Word, int At)> Occurrences(string line, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            for (var at = line.IndexOf(word, StringComparison.Ordinal); at >= 0; at = line.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                yield return (word, at);
            }
        }
    }

    // The longest name that ends here: 李才华 rather than 才华.
    private static (int Start, int Length)? Ending(string line, int end, PrivacyRules rules)
    {
        foreach (var length in Lengths)
        {
            if (end - length >= 0 && Valid(line.Substring(end - length, length), rules))
            {
                return (end - length, length);
            }
        }

        return null;
    }

    // A name that starts here and is followed by 同志/负责/牵头 (or, after a post, by the line's end).
    private static (int Start, int Length)? Starting(string line, int start, PrivacyRules rules, bool lineEndCounts)
    {
        foreach (var length in Lengths)
        {
            if (start + length <= line.Length && Valid(line.Substring(start, length), rules)
                && (rules.Ends.Any(e => line.AsSpan(start + length).StartsWith(e, StringComparison.Ordinal))
                    || (lineEndCounts && line.AsSpan(start + length).IsWhiteSpace())))
            {
                return (start, length);
            }
        }

        return null;
    }

    private static bool Valid(string name, PrivacyRules rules)
    {
        var surname = rules.CompoundSurnames.FirstOrDefault(c => name.StartsWith(c, StringComparison.Ordinal))?.Length
            ?? (rules.Surnames.Contains(name[0]) ? 1 : 0);
        var given = name.Length - surname;
        return surname > 0 && given is 1 or 2
            && name.All(Lexicon.IsIdeograph)
            && !name.Skip(surname).Any(rules.NotInNames.Contains)
            && !rules.NotNames.Contains(name);
    }
}
