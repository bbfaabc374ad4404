using System.Text;

namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// Numbers written in Chinese characters, as cadres type them: 二十三, 两, 一百零五, 十二, and years
/// written digit by digit (二〇二六). Up to 99,999; anything else is not a number.
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>The value of a whole token of Chinese numerals, or null.</summary>
    public static int? Parse(string text)
    {
        if (text.Length == 0 || !text.All(IsNumeral))
        {
            return null;
        }

        // 二〇二六, 一九: digits one by one, with no unit character among them.
        if (text.Length > 1 && text.All(c => DigitOf(c) is not null))
        {
            return text.Length <= 5 ? int.Parse(string.Concat(text.Select(c => (char)('0' + DigitOf(c)!.Value))), System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        int total = 0, section = 0, digit = -1;
        foreach (var c in text)
        {
            if (DigitOf(c) is { } d)
            {
                digit = d;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 10_000 };
            if (unit == 10_000)
            {
                total = (section + Math.Max(digit, 0)) * unit;
                section = 0;
            }
            else
            {
                // 十二 means 12: a unit with no digit before it counts once.
                section += (digit < 0 ? 1 : digit) * unit;
            }

            digit = -1;
        }

        var value = total + section + Math.Max(digit, 0);
        return value <= 99_999 ? value : null;
    }

    /// <summary>Every run of Chinese numerals in the text replaced by its Arabic value (for dates: 二〇二六年三月五日).</summary>
    public static string ToArabic(string text)
    {
        var result = new StringBuilder(text.Length);
        var run = new StringBuilder();
        foreach (var c in text.Append('\0'))
        {
            if (IsNumeral(c))
            {
                run.Append(c);
                continue;
            }

            if (run.Length > 0)
            {
                result.Append(Parse(run.ToString())?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? run.ToString());
                run.Clear();
            }

            if (c != '\0')
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool IsNumeral(char c) => DigitOf(c) is not null || c is '十' or '百' or '千' or '万';

    private static int? DigitOf(char c) => c switch
    {
        '零' => 0,
        '两' => 2,
        _ => Digits.IndexOf(c, StringComparison.Ordinal) is >= 0 and var i ? i : null,
    };
}
