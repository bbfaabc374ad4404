using System.Globalization;
using System.Text.RegularExpressions;
using MeetingBot.Dialogs.Engine;

namespace MeetingBot.Meetings.Import;

/// <summary>A meeting file's times: a date as the self-check reads dates, a year included, then the time of day (2026-12-20 09:00).</summary>
internal static partial class MeetingTimes
{
    public static TimeZoneInfo? Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The moment, or null when the text is no date and time, or names a time the zone skips.</summary>
    public static DateTimeOffset? Parse(string text, TimeZoneInfo zone)
    {
        var match = DateAndTime().Match(text.Trim());
        // A date without its year would mean this year; DateOnly.MinValue as today makes it fail instead.
        if (!match.Success || AnswerParser.ParseDate(match.Groups["date"].Value, DateOnly.MinValue) is not { } date)
        {
            return null;
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var (hour, minute, second) = (Part("hour"), Part("minute"), Part("second"));
        if (hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var local = date.ToDateTime(new TimeOnly(hour, minute, second));
        return zone.IsInvalidTime(local) ? null : new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    [GeneratedRegex(@"^(?<date>.+?)[\sT]*(?<hour>[0-9]{1,2})[:：](?<minute>[0-9]{2})(?:[:：](?<second>[0-9]{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateAndTime();
}
