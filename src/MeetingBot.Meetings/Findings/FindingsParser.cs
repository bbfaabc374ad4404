using System.Text.RegularExpressions;

namespace MeetingBot.Meetings.Findings;

/// <summary>
/// Turns an inspection's feedback as a secretary pastes it (反馈问题, docs/domain.md, "Who and when")
/// into findings: one a line, or numbered (1. 1、 （1） ① 一是…), grouped under the lines that name
/// their aspect (「一、……方面」, 「（一）……方面」, 「一、关于……」, or an unnumbered line ending in 方面).
/// Ids are "f1", "f2"… in the order of the text; a text without aspect lines is one unnamed
/// aspect (an empty <see cref="Finding.Aspect"/>).
/// </summary>
public static partial class FindingsParser
{
    /// <summary>An unnumbered line this long or longer is a finding, even if it ends in 方面.</summary>
    private const int LongestAspectLine = 40;

    /// <summary>The findings of <paramref name="text"/>; false when it holds none (empty, or aspect lines only).</summary>
    public static bool TryParse(string text, out IReadOnlyList<Finding> findings)
    {
        var lines = text.Split('\n')
            .SelectMany(SplitSeries)
            .Select(ListNumbering.Read)
            .Where(l => l.Text.Length > 0)
            .ToArray();
        var hasParts = lines.Any(l => l.Level == NumberingLevel.Part);
        var aspects = lines.Select(l => IsAspect(l.Level, l.Text, hasParts)).ToArray();

        // Numbered 一、二、 with nothing below them: the lines are the findings, not their aspects.
        if (!aspects.Contains(false))
        {
            Array.Fill(aspects, false);
        }

        var numbered = lines.Where((l, i) => !aspects[i] && l.Level != NumberingLevel.None).Any();
        var result = new List<(string Aspect, string Text)>();
        var aspect = "";
        var continues = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var (level, line) = lines[i];
            if (aspects[i])
            {
                aspect = AspectEnd().Replace(line, "");
                continues = false;
            }
            else if (continues && numbered && level == NumberingLevel.None)
            {
                // A numbered finding that wrapped onto the next line when it was copied.
                result[^1] = (aspect, result[^1].Text + line);
            }
            else
            {
                result.Add((aspect, line));
                continues = true;
            }
        }

        findings = result.Select(f => f with { Text = Clean(f.Text) }).Where(f => f.Text.Length > 0)
            .Select((f, i) => new Finding($"f{i + 1}", f.Aspect, f.Text)).ToArray();
        return findings.Count > 0;
    }

    private static bool IsAspect(NumberingLevel level, string text, bool hasParts) => level switch
    {
        NumberingLevel.Part => true,
        // Below 一、 parts, a （一） line is an aspect only when it reads as one.
        NumberingLevel.Subpart => !hasParts || ReadsAsAspect(text) || text.StartsWith("关于", StringComparison.Ordinal),
        NumberingLevel.None => text.Length < LongestAspectLine && ReadsAsAspect(text),
        _ => false,
    };

    private static bool ReadsAsAspect(string text) => AspectEnd().Replace(text, "").EndsWith("方面", StringComparison.Ordinal);

    /// <summary>「一是……；二是……」 in one paragraph: one finding each.</summary>
    private static IEnumerable<string> SplitSeries(string line) =>
        SeriesStart().IsMatch(line) ? SeriesBreak().Split(line) : [line];

    /// <summary>Without the closing punctuation and a closing 「等问题」, which the draft's own wording frames.</summary>
    private static string Clean(string text)
    {
        var trimmed = ItemEnd().Replace(text, "");
        return trimmed.EndsWith("等问题", StringComparison.Ordinal) ? ItemEnd().Replace(trimmed[..^3], "") : trimmed;
    }

    [GeneratedRegex(@"[\s：:。；;]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AspectEnd();

    [GeneratedRegex(@"[\s。；;，,、]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemEnd();

    [GeneratedRegex(@"^\s*一是", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesStart();

    [GeneratedRegex(@"(?<=[；;。])\s*(?=[二三四五六七八九十]{1,3}是)", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesBreak();
}
