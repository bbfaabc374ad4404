namespace MeetingBot.Meetings.Import;

/// <summary>A value as a meeting file wrote it, and how to report a problem at its place (a line, a cell).</summary>
internal sealed record Written(string Text, Action<string> Report);

/// <summary>
/// A meeting file read but not yet checked: what the YAML and the workbook readers both hand to
/// <see cref="MeetingFileChecks"/>, so that every rule of the content is written once. Each reader
/// has already reported what its form lacks (a required key, a column).
/// </summary>
internal sealed class WrittenMeeting(Action<string> report)
{
    /// <summary>Reports a problem of the file as a whole (no secretary on the roster).</summary>
    public Action<string> Report { get; } = report;

    public Written? Kind { get; set; }

    public Written? Title { get; set; }

    public Written? Unit { get; set; }

    public Written? Date { get; set; }

    public Written? Place { get; set; }

    public Written? Deadline { get; set; }

    public Written? Findings { get; set; }

    public Written? Theme { get; set; }

    public Written? Headings { get; set; }

    public Written? TimeZone { get; set; }

    public Written? InvitationCode { get; set; }

    /// <summary>The file's <c>reminders</c>, when it has them.</summary>
    public WrittenReminders? Reminders { get; set; }

    public List<WrittenPerson> People { get; } = [];

    /// <summary>The file has no roster at all, which its reader has reported.</summary>
    public bool RosterMissing { get; set; }
}

/// <summary>A meeting file's reminder schedule as written; a value it leaves out keeps its default.</summary>
internal sealed record WrittenReminders(IReadOnlyList<Written>? BeforeDeadline, Written? PromptBeforeMeeting, Written? QuietHours, Written? QuietWeekends, Written? TimeZone);

internal sealed record WrittenPerson(Written Name, MeetingRole Role)
{
    public Written? Post { get; init; }

    public Written? Areas { get; init; }

    public IReadOnlyList<Written> Accounts { get; init; } = [];
}
