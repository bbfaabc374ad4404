using System.Globalization;

namespace MeetingBot.Meetings;

/// <summary>What a round of reminders sends.</summary>
public enum ReminderKind
{
    /// <summary>Before the submission deadline, to the members who have not submitted.</summary>
    Deadline,

    /// <summary>Before the meeting, the prompt card to every member.</summary>
    PromptCard,

    /// <summary>A secretary's 提醒: now, to the members who have not submitted.</summary>
    Manual,
}

/// <summary>
/// One round of a meeting's reminders: it opens at <see cref="DueAt"/> and may open until
/// <see cref="ClosesAt"/> (the next round, the deadline or the meeting), so a meeting set up late
/// does not send a "three days left" two days late. Who it is for is decided when it opens.
/// </summary>
public sealed record ReminderRound(string Id, ReminderKind Kind, DateTimeOffset DueAt, DateTimeOffset ClosesAt);

/// <summary>
/// A meeting's reminder calendar (<see cref="Meeting.Reminders"/>): its rounds, and the first moment
/// outside its quiet hours, both in the meeting's own time zone.
/// </summary>
public static class ReminderCalendar
{
    /// <summary>The scheduled rounds of the meeting, in the order they open; none for a meeting without dates.</summary>
    public static IReadOnlyList<ReminderRound> RoundsOf(Meeting meeting)
    {
        var rounds = new List<ReminderRound>();
        if (meeting.Deadline is { } deadline)
        {
            var before = meeting.Reminders.BeforeDeadline.Distinct().OrderDescending().ToArray();
            for (var i = 0; i < before.Length; i++)
            {
                var closes = i + 1 < before.Length ? deadline - before[i + 1] : deadline;
                rounds.Add(new ReminderRound("deadline-" + Name(before[i]), ReminderKind.Deadline, deadline - before[i], closes));
            }
        }

        if (meeting is { HeldAt: { } heldAt, Reminders.PromptBeforeMeeting: { } prompt })
        {
            rounds.Add(new ReminderRound("prompt-" + Name(prompt), ReminderKind.PromptCard, heldAt - prompt, heldAt));
        }

        return rounds;
    }

    /// <summary>
    /// <paramref name="at"/> itself when it is outside the meeting's quiet hours (and quiet weekends),
    /// else the first moment after them.
    /// </summary>
    public static DateTimeOffset FirstAllowed(Meeting meeting, DateTimeOffset at)
    {
        var schedule = meeting.Reminders;
        if (schedule is { QuietHours: null, QuietWeekends: false })
        {
            return at;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId ?? meeting.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        // Quiet hours may end on a Saturday, and a weekend ends at midnight inside quiet hours: at most three moves.
        for (var moved = true; moved;)
        {
            moved = false;
            if (schedule.QuietWeekends && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                local = local.Date.AddDays(local.DayOfWeek == DayOfWeek.Saturday ? 2 : 1);
                moved = true;
            }

            if (schedule.QuietHours is { } quiet && quiet.Contains(TimeOnly.FromDateTime(local)))
            {
                // Quiet hours past midnight end today when it is after midnight, tomorrow when it is before.
                var endDay = quiet.Start > quiet.End && TimeOnly.FromDateTime(local) >= quiet.Start ? local.Date.AddDays(1) : local.Date;
                local = endDay + quiet.End.ToTimeSpan();
                moved = true;
            }
        }

        return local == TimeZoneInfo.ConvertTime(at, zone).DateTime ? at : new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A duration as a meeting file writes it, for the ids of rounds: 3d, 12h, 90m.</summary>
    private static string Name(TimeSpan duration) => duration switch
    {
        { TotalDays: var d } when d == Math.Floor(d) => ((int)d).ToString(CultureInfo.InvariantCulture) + "d",
        { TotalHours: var h } when h == Math.Floor(h) => ((int)h).ToString(CultureInfo.InvariantCulture) + "h",
        _ => ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m",
    };
}
