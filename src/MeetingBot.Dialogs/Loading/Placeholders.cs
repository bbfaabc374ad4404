using System.Text.RegularExpressions;

namespace MeetingBot.Dialogs.Loading;

/// <summary>
/// The <c>{name}</c> placeholders of a text kept in a data file, filled in one pass: a value that
/// itself holds braces is inserted as it is, never read as a placeholder.
/// </summary>
public static partial class Placeholders
{
    /// <summary>The text with each named placeholder replaced; one without a value stays as written.</summary>
    public static string Fill(string template, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            lookup[name] = value;
        }

        return Pattern().Replace(template, m => lookup.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    /// <summary>The names of the placeholders a text uses, in order, for checking a data file.</summary>
    public static IEnumerable<string> Names(string template) => Pattern().Matches(template).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
