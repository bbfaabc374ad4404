namespace MeetingBot.Meetings.Import;

/// <summary>
/// A meeting as its file describes it (dialogs/README.md, "Meeting files"): the facts and the
/// roster, checked, with times in the meeting's time zone. <see cref="MeetingImport.Apply"/> makes
/// it a <see cref="Meeting"/>, new or updated.
/// </summary>
public sealed record MeetingDefinition
{
    public required MeetingKind Kind { get; init; }

    public required string Title { get; init; }

    public required string Unit { get; init; }

    public DateTimeOffset? HeldAt { get; init; }

    public string? Place { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public string TimeZoneId { get; init; } = Meeting.DefaultTimeZoneId;

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public string? ThemeId { get; init; }

    public IReadOnlyList<string> Headings { get; init; } = [];

    public string? InvitationCode { get; init; }

    /// <summary>Null when the file says nothing of reminders: a new meeting gets the default, an imported one keeps its own.</summary>
    public ReminderSchedule? Reminders { get; init; }

    /// <summary>Everyone on the roster, in the order of the file.</summary>
    public IReadOnlyList<PersonDefinition> People { get; init; } = [];
}

/// <summary>One person of a meeting file: no two share a name or an account.</summary>
public sealed record PersonDefinition(string Name, MeetingRole Role)
{
    public string? Post { get; init; }

    public string? Areas { get; init; }

    public IReadOnlyList<ChannelIdentity> Accounts { get; init; } = [];
}
