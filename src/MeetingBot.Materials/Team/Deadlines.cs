using System.Text.RegularExpressions;

namespace MeetingBot.Materials.Team;

/// <summary>
/// Reads the deadline a member wrote into a measure, in their own words, for the 整改清单. The
/// forms are tried from the most to the least definite, and the first found wins: a dated one
/// (2027年3月底前), a month (6月底前, 三月份前), the year's end and the like (年底前, 年内), a
/// frequency (每季度, 每月), and the open-ended ones (长期坚持, 立行立改). None found: null.
/// </summary>
public static partial class Deadlines
{
    private static readonly Regex[] Forms = [Dated(), Month(), YearPart(), Frequency(), Ongoing()];

    public static string? Read(string? text) =>
        text is null ? null : Forms.Select(f => f.Match(text)).FirstOrDefault(m => m.Success)?.Value;

    // A year alone (「2025年对……检查」) is a date of the past as often as a deadline: it needs a month or 底, 内, 前.
    [GeneratedRegex(@"\d{4}年(?:(?:\d{1,2}月)(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬|份)?(?:之前|以前|前)?|(?:底|末|内)(?:之前|以前|前)?|之前|以前|前)")]
    private static partial Regex Dated();

    [GeneratedRegex(@"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:\d{1,2}日(?:之前|以前|前)?|(?:底|末|中旬|上旬|下旬|份)(?:之前|以前|前)?|之前|以前|前)")]
    private static partial Regex Month();

    [GeneratedRegex(@"(?:今年|明年|本年度|年)(?:底|末|内)(?:之前|以前|前)?|(?:上|下)半年(?:之前|以前|前)?|[一二三四]季度(?:末|底)?(?:之前|以前|前)?")]
    private static partial Regex YearPart();

    [GeneratedRegex(@"每(?:半年|年度?|季度?|半月|月|旬|周|星期)")]
    private static partial Regex Frequency();

    [GeneratedRegex(@"长期坚持|立行立改|持续推进|常态化推进")]
    private static partial Regex Ongoing();
}
