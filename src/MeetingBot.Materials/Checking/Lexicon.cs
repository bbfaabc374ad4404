using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// A form looked for literally: a wrong word, a known wrong form of a set expression, or a set
/// phrase with one character left out or two swapped (a <see cref="Variant"/>, made by the
/// loader). <see cref="Within"/> and <see cref="Unless"/> bind an entry to its context;
/// <see cref="QuotedOnly"/> forms count only between “ and ”, where short expressions stand.
/// </summary>
internal sealed record LexiconEntry(
    string Form,
    FindingCategory Category,
    string Suggestion,
    string Note,
    Regex? Within = null,
    Regex? Unless = null,
    bool QuotedOnly = false,
    bool Variant = false);

/// <summary>A set phrase with nothing to be inserted in it: one character more inside it is reported.</summary>
internal sealed record InsertionTarget(string Phrase, FindingCategory Category, string Suggestion, string Note, bool QuotedOnly);

/// <summary>
/// The word lists of checks.yaml as one lookup, run over each line: the longest literal form at a
/// position wins, then a set phrase with one extra character inside. Correct set phrases are
/// found first, and no variant is reported where they stand, so a variant can never fire inside
/// the phrase it was made from (原原本本 holds 原本本).
/// </summary>
internal sealed class Lexicon
{
    private readonly PhraseIndex<LexiconEntry> _forms;
    private readonly PhraseIndex<InsertionTarget> _targets;
    private readonly FrozenSet<char> _insertable;

    public Lexicon(IEnumerable<LexiconEntry> forms, IEnumerable<InsertionTarget> targets, IEnumerable<char> insertable, (int Words, int Expressions, int Phrases) counts)
    {
        _forms = new PhraseIndex<LexiconEntry>(forms.Select(f => KeyValuePair.Create(f.Form, f)));
        _targets = new PhraseIndex<InsertionTarget>(targets.Select(t => KeyValuePair.Create(t.Phrase, t)));
        _insertable = insertable.ToFrozenSet();
        (WordCount, ExpressionCount, PhraseCount) = counts;
    }

    public int WordCount { get; }

    public int ExpressionCount { get; }

    public int PhraseCount { get; }

    public void Find(string line, int offset, List<Hit> hits)
    {
        var correct = CorrectPhrases(line);
        for (var i = 0; i < line.Length; i++)
        {
            if ((Literal(line, i, correct) ?? Insertion(line, i, correct)) is not { } hit)
            {
                continue;
            }

            hits.Add(hit with { Start = offset + i });
            i += hit.Length - 1;
        }
    }

    private bool[] CorrectPhrases(string line)
    {
        var covered = new bool[line.Length];
        for (var i = 0; i < line.Length; i++)
        {
            if (_targets.LongestAt(line, i) is { } phrase)
            {
                Array.Fill(covered, true, i, phrase.Key.Length);
            }
        }

        return covered;
    }

    private Hit? Literal(string line, int i, bool[] correct)
    {
        foreach (var (form, entry) in _forms.StartingWith(line[i]))
        {
            if (line.AsSpan(i).StartsWith(form, StringComparison.Ordinal)
                && !(entry.Variant && Covered(correct, i, form.Length))
                && (!entry.QuotedOnly || Quoted(line, i, form.Length))
                && (entry.Within is null || InsideMatch(entry.Within, line, i, form.Length))
                && (entry.Unless is null || !InsideMatch(entry.Unless, line, i, form.Length)))
            {
                return new Hit(i, form.Length, entry.Category, entry.Suggestion, entry.Note);
            }
        }

        return null;
    }

    // The phrase with one character more after its k-th character: 班子自成员 for 班子成员. The
    // prefix is compared as k grows, so most phrases are left after a character or two.
    private Hit? Insertion(string line, int i, bool[] correct)
    {
        foreach (var (phrase, target) in _targets.StartingWith(line[i]))
        {
            for (var k = 1; k < phrase.Length && i + phrase.Length < line.Length && line[i + k - 1] == phrase[k - 1]; k++)
            {
                var inserted = line[i + k];
                if (IsIdeograph(inserted)
                    && !_insertable.Contains(inserted)
                    && line.AsSpan(i + k + 1).StartsWith(phrase.AsSpan(k), StringComparison.Ordinal)
                    && !Covered(correct, i, phrase.Length + 1)
                    && (!target.QuotedOnly || Quoted(line, i, phrase.Length + 1)))
                {
                    return new Hit(i, phrase.Length + 1, target.Category, target.Suggestion, target.Note);
                }
            }
        }

        return null;
    }

    /// <summary>The text with every correct set phrase in it blanked out.</summary>
    public string WithoutSetPhrases(string text)
    {
        var covered = CorrectPhrases(text);
        return covered.Contains(true) ? string.Create(text.Length, (text, covered), (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = state.covered[i] ? ' ' : state.text[i];
            }
        }) : text;
    }

    private static bool Covered(bool[] correct, int start, int length) => correct.AsSpan(start, length).Contains(true);

    private static bool Quoted(string line, int start, int length) =>
        start > 0 && line[start - 1] == '“' && start + length < line.Length && line[start + length] == '”';

    internal static bool InsideMatch(Regex context, string line, int start, int length)
    {
        foreach (var match in context.EnumerateMatches(line))
        {
            if (match.Index <= start && start + length <= match.Index + match.Length)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
