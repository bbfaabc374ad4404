using System.Text.RegularExpressions;

namespace MeetingBot.Meetings;

/// <summary>How a pasted line is numbered (docs/domain.md, "House style"): 一、 for parts, （一） below them, then 1. （1） ① 一是 for items.</summary>
internal enum NumberingLevel
{
    None,

    /// <summary>一、</summary>
    Part,

    /// <summary>（一）</summary>
    Subpart,

    /// <summary>1. 1、 （1） ① 一是, or a bullet.</summary>
    Item,
}

/// <summary>
/// Reads the numbering at the start of a line that a secretary pasted from a document, in half-width
/// or full-width digits and brackets, and hands back the text without it.
/// </summary>
internal static partial class ListNumbering
{
    private static readonly (NumberingLevel Level, Regex Pattern)[] Patterns =
    [
        (NumberingLevel.Part, PartPattern()),
        (NumberingLevel.Subpart, SubpartPattern()),
        (NumberingLevel.Item, ItemPattern()),
    ];

    public static (NumberingLevel Level, string Text) Read(string line)
    {
        foreach (var (level, pattern) in Patterns)
        {
            if (pattern.Match(line) is { Success: true } match)
            {
                return (level, line[match.Length..].Trim());
            }
        }

        return (NumberingLevel.None, line.Trim());
    }

    [GeneratedRegex(@"^\s*[一二三四五六七八九十]{1,3}\s*[、．]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SubpartPattern();

    // "1.5万元" is a number, not an item 1: the dot must not stand before a digit.
    [GeneratedRegex(@"^\s*(?:[（(]\s*[0-9０-９]{1,3}\s*[）)]|[0-9０-９]{1,3}\s*[.．、](?![0-9０-９])|[①-⑳⑴-⒇⒈-⒛•·●▪]|[一二三四五六七八九十]{1,3}是(?=\S)[，,：:]?)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPattern();
}
