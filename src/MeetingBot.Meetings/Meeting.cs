namespace MeetingBot.Meetings;

/// <summary>The kinds of meeting the bot knows (docs/domain.md, "Who and when"); the kind changes the wording.</summary>
public enum MeetingKind
{
    /// <summary>年度民主生活会.</summary>
    Annual,

    /// <summary>巡视整改专题民主生活会: after a central or provincial inspection.</summary>
    CentralInspection,

    /// <summary>巡察整改专题民主生活会: after a city or county inspection.</summary>
    LocalInspection,

    /// <summary>组织生活会 of a branch.</summary>
    Organizational,

    /// <summary>Another 专题 meeting, its theme given by the meeting.</summary>
    Special,
}

/// <summary>
/// One meeting a team prepares for: what it is, when and where, by when materials are due, who takes
/// part in which role, and (for an inspection meeting) the findings its members take up.
/// </summary>
public sealed record Meeting
{
    /// <summary>Meetings are held in China unless their file says otherwise.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    public required string Id { get; init; }

    public required MeetingKind Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>The unit holding the meeting (its 党组 or 党委); meetings of one unit are invisible to another.</summary>
    public required string Unit { get; init; }

    public DateTimeOffset? HeldAt { get; init; }

    public string? Place { get; init; }

    /// <summary>When the members' materials are due.</summary>
    public DateTimeOffset? Deadline { get; init; }

    public IReadOnlyList<RosterEntry> Roster { get; init; } = [];

    /// <summary>The inspection's findings (反馈问题), grouped by their aspect (方面).</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The theme of dialogs/themes/ the materials compare against, when the secretary chose one.</summary>
    public string? ThemeId { get; init; }

    /// <summary>The headings the secretary entered by hand instead of choosing a theme, in order.</summary>
    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>The code members join with (加入 code), when one was set (see <see cref="Storage.MeetingStore.NewInvitationCode"/>).</summary>
    public string? InvitationCode { get; init; }

    /// <summary>When its reminders go out; <see cref="ReminderSchedule.Default"/> unless its file said otherwise.</summary>
    public ReminderSchedule Reminders { get; init; } = ReminderSchedule.Default;

    /// <summary>The IANA time zone the meeting's times were given in, and are shown in.</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    /// <summary>The secretaries of the meeting, who prepare it.</summary>
    public IEnumerable<RosterEntry> Secretaries => Roster.Where(e => !e.Removed && e.Role == MeetingRole.Secretary);

    /// <summary>The members of the meeting, who each write a self-check; not those removed from the roster.</summary>
    public IEnumerable<RosterEntry> Members => Roster.Where(e => !e.Removed && e.Role == MeetingRole.Member);

    /// <summary>A person of the roster by id; null when there is none, or they were removed from it.</summary>
    public RosterEntry? Person(string personId) => Roster.FirstOrDefault(e => !e.Removed && e.PersonId == personId);

    /// <summary>The roster entry of a person reached on a channel, or null when they are not on the roster (or removed from it).</summary>
    public RosterEntry? EntryOf(ChannelIdentity identity) => Roster.FirstOrDefault(e => !e.Removed && e.Identities.Contains(identity));
}

/// <summary>
/// A person on a meeting's roster, not a channel account: the same person may reach the bot on
/// Teams, WeCom and the web page, and continues one self-check on any of them.
/// </summary>
public sealed record RosterEntry(string PersonId, string Name, MeetingRole Role)
{
    public string? Post { get; init; }

    /// <summary>The work the person is in charge of (分管工作).</summary>
    public string? Areas { get; init; }

    public IReadOnlyList<ChannelIdentity> Identities { get; init; } = [];

    /// <summary>
    /// No longer in the meeting's file (docs/architecture.md, "Decisions"): the entry is kept, so that
    /// the answers stored under <see cref="PersonId"/> stay theirs if a file lists them again, but
    /// the person is on the roster no more and sees nothing of the meeting.
    /// </summary>
    public bool Removed { get; init; }
}

public enum MeetingRole
{
    Member,

    /// <summary>Prepares the meeting: sees the roster's status, every member's material and the aggregates.</summary>
    Secretary,
}

/// <summary>A user as one channel knows them, written <c>channel:user</c> in settings and files (wecom:liweidong).</summary>
public sealed record ChannelIdentity(string ChannelId, string UserId)
{
    /// <summary>
    /// The channels a roster may name: Teams (the AAD object id), WeCom (the UserID), the web page
    /// (the sign-in subject), and the test and Emulator channels of development.
    /// </summary>
    public static IReadOnlyList<string> RosterChannels { get; } = ["msteams", "wecom", "web", "test", "emulator"];

    public override string ToString() => ChannelId + ":" + UserId;

    public static ChannelIdentity? Parse(string text) =>
        text.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && colon < text.Length - 1
            ? new ChannelIdentity(text[..colon], text[(colon + 1)..])
            : null;
}

/// <summary>A finding of an inspection (反馈问题): its number, the aspect it belongs to, and its text.</summary>
public sealed record Finding(string Id, string Aspect, string Text);
