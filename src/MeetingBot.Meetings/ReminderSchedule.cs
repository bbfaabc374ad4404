using System.Globalization;
using System.Text.RegularExpressions;

namespace MeetingBot.Meetings;

/// <summary>
/// When a meeting's reminders go out (a meeting file's <c>reminders</c>, dialogs/README.md "Meeting
/// files"): how long before the submission deadline the unfinished are reminded, how long before
/// the meeting everyone gets the prompt card, and the hours (and, if asked, the weekends) nothing is
/// sent, in the meeting's time zone unless it names its own. A meeting that says nothing has <see cref="Default"/>.
/// </summary>
public sealed partial record ReminderSchedule
{
    public static readonly ReminderSchedule Default = new();

    public IReadOnlyList<TimeSpan> BeforeDeadline { get; init; } = [TimeSpan.FromDays(3), TimeSpan.FromDays(1)];

    /// <summary>Null: no prompt card before the meeting.</summary>
    public TimeSpan? PromptBeforeMeeting { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Null: reminders may go out at any hour.</summary>
    public QuietHours? QuietHours { get; init; } = new(new TimeOnly(22, 0), new TimeOnly(8, 0));

    /// <summary>Saturdays and Sundays are quiet all day too (off unless the meeting's file says so).</summary>
    public bool QuietWeekends { get; init; }

    /// <summary>The zone the quiet hours are read in; null for the meeting's.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>A duration as a meeting file writes it: a whole number and d (days), h (hours) or m (minutes): 3d, 12h, 30m.</summary>
    public static TimeSpan? ParseDuration(string text) =>
        Duration().Match(text.Trim()) is { Success: true } m && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? m.Groups[2].Value.ToLowerInvariant() switch
            {
                "d" => TimeSpan.FromDays(n),
                "h" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromMinutes(n),
            }
            : null;

    /// <summary>Quiet hours as written, 22:00-08:00 (they may run past midnight); false when the text is not such a range.</summary>
    public static bool TryParseQuietHours(string text, out QuietHours? hours)
    {
        hours = null;
        if (text.Trim().Length == 0)
        {
            return true;
        }

        var parts = text.Split('-', '–', '～', '~');
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0].Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1].Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && start != end)
        {
            hours = new QuietHours(start, end);
            return true;
        }

        return false;
    }

    [GeneratedRegex("^([0-9]+)\\s*([dhmDHM])$")]
    private static partial Regex Duration();
}

/// <summary>The hours from <see cref="Start"/> to <see cref="End"/> (past midnight when End is earlier) in which nothing is sent.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) => Start < End ? time >= Start && time < End : time >= Start || time < End;
}
