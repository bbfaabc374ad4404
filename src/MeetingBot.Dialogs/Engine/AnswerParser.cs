using System.Globalization;
using System.Text.RegularExpressions;

namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// Reads what the cadre typed for a choice or number question: an option's text, its number, or
/// several numbers separated by spaces, commas or 、 ("1 3 5", "1,3", "1、3").
/// </summary>
public static partial class AnswerParser
{
    /// <summary>The options selected, in the order offered; null when any part is not recognised.</summary>
    public static IReadOnlyList<NumberedOption>? ParseSelection(string text, IReadOnlyList<NumberedOption> options)
    {
        var normalized = Normalize(text);
        var whole = options.FirstOrDefault(o => o.Label == normalized);
        if (whole is not null)
        {
            return [whole];
        }

        var selected = new List<NumberedOption>();
        foreach (var token in Separators().Split(normalized).Where(t => t.Length > 0))
        {
            var option = (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : ChineseNumerals.Parse(token)) is { } chosen
                ? options.FirstOrDefault(o => o.Number == chosen)
                : options.FirstOrDefault(o => o.Label == token);
            if (option is null)
            {
                return null;
            }

            selected.Add(option);
        }

        return selected.Count == 0 ? null : selected.Distinct().OrderBy(o => o.Number).ToArray();
    }

    /// <summary>A whole number ≥ 0, in digits or Chinese numerals, optionally followed by its unit ("12", "12条", "１２ 人次", "二十三人次").</summary>
    public static int? ParseNumber(string text, string? unit)
    {
        var normalized = Normalize(text);
        if (unit is not null && normalized.EndsWith(unit, StringComparison.Ordinal))
        {
            normalized = normalized[..^unit.Length].TrimEnd();
        }

        return int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : ChineseNumerals.Parse(normalized);
    }

    /// <summary>
    /// A calendar date as people write it: 2026年3月5日 (or 5号), 2026-03-05, 2026/3/5, 2026.3.5, or
    /// 3月5日 without a year, which means this year (<paramref name="today"/>'s). Null for anything
    /// else, and for dates that do not exist (2月30日).
    /// </summary>
    public static DateOnly? ParseDate(string text, DateOnly today)
    {
        var match = DatePattern().Match(ChineseNumerals.ToArabic(Normalize(text).Replace(" ", "", StringComparison.Ordinal)));
        if (!match.Success)
        {
            return null;
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var year = match.Groups["year"].Success ? Part("year") : today.Year;
        var (month, day) = (Part("month"), Part("day"));
        return month is >= 1 and <= 12 && year is >= 1900 and <= 2999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>A date the way the material and the bot write it: 2026年3月5日.</summary>
    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>Trims and folds full-width digits and spaces, which Chinese input methods often produce.</summary>
    private static string Normalize(string text)
    {
        var chars = text.Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '０' and <= '９' => (char)('0' + (chars[i] - '０')),
                '　' => ' ',
                _ => chars[i],
            };
        }

        return new string(chars).Trim();
    }

    [GeneratedRegex(@"^(?:(?:(?<year>\d{4})年)?(?<month>\d{1,2})月(?<day>\d{1,2})[日号]?|(?<year>\d{4})[-/.](?<month>\d{1,2})[-/.](?<day>\d{1,2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"[\s,，、;；]+")]
    private static partial Regex Separators();
}
