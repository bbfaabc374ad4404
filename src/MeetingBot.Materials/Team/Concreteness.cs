using System.Text.RegularExpressions;

namespace MeetingBot.Materials.Team;

/// <summary>
/// How concrete a member's sentence is, for choosing which of several members' examples the team's
/// material keeps: every run of digits, date and quantity (a number with a unit: 户, 元, 万元, 次,
/// 人, 个, 项…) counts one. And whether it speaks in the first person singular (我, 本人), which the
/// team, speaking as 班子, should rather not quote; 我局, 我们 and the like speak for the unit.
/// </summary>
internal static partial class Concreteness
{
    public static int Score(string text) => Digits().Count(text) + Dates().Count(text) + Quantities().Count(text);

    public static bool HasNumber(string text) => Digits().IsMatch(text) || Quantities().IsMatch(text);

    public static bool IsFirstPerson(string text) => FirstPerson().IsMatch(text);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\d{4}年|\d{1,2}月(?:\d{1,2}日)?|[一二三四]季度|[上下]半年")]
    private static partial Regex Dates();

    [GeneratedRegex(@"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:亿元|万元|元|户|人次|次|人|个|项|件|家|天|场|条|篇|%|％)")]
    private static partial Regex Quantities();

    [GeneratedRegex(@"本人|我(?![们局县市区乡镇村委厅部院处科校所])")]
    private static partial Regex FirstPerson();
}
