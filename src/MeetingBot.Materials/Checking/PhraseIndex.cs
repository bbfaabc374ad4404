using System.Collections.Frozen;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// Strings looked up by their first character, longest first: a few hundred words cost one
/// dictionary probe per character of the text plus a handful of ordinal comparisons, instead of a
/// regular expression per word.
/// </summary>
internal sealed class PhraseIndex<T>
{
    private readonly FrozenDictionary<char, KeyValuePair<string, T>[]> _byFirst;

    public PhraseIndex(IEnumerable<KeyValuePair<string, T>> entries)
    {
        _byFirst = entries
            .Where(e => e.Key.Length > 0)
            .GroupBy(e => e.Key[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Key.Length).ToArray());
    }

    /// <summary>The entries whose key starts with this character, longest first.</summary>
    public ReadOnlySpan<KeyValuePair<string, T>> StartingWith(char first) =>
        _byFirst.TryGetValue(first, out var entries) ? entries : [];

    /// <summary>The longest entry whose key stands in the text at this index.</summary>
    public KeyValuePair<string, T>? LongestAt(string text, int index)
    {
        foreach (var entry in StartingWith(text[index]))
        {
            if (text.AsSpan(index).StartsWith(entry.Key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }
}
