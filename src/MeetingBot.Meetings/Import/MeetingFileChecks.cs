using System.Text.RegularExpressions;
using MeetingBot.Meetings.Findings;
using MeetingBot.Meetings.Themes;

namespace MeetingBot.Meetings.Import;

/// <summary>
/// The rules of a meeting file's content, whichever form it came in: a known kind, times that exist
/// in the meeting's zone and a deadline not after the meeting, findings and headings that parse, a
/// theme of the meeting's kind, well-formed accounts, nobody listed twice, no account on two
/// people, at least one secretary who can sign in. Problems go to each value's own place.
/// </summary>
internal sealed partial class MeetingFileChecks(MeetingFileMessages messages, ThemeCatalog themes)
{
    /// <summary>The definition; null when something it needs is missing (each reader has reported what).</summary>
    public MeetingDefinition? Check(WrittenMeeting written)
    {
        var kind = Kind(written.Kind);
        var zoneId = written.TimeZone?.Text.Trim() ?? Meeting.DefaultTimeZoneId;
        var zone = MeetingTimes.Zone(zoneId);
        if (zone is null)
        {
            written.TimeZone?.Report(messages.Text(MeetingFileMessages.BadTimeZone, ("text", zoneId)));
        }

        var heldAt = zone is null ? null : Time(written.Date, zone);
        var deadline = zone is null ? null : Time(written.Deadline, zone);
        if (deadline > heldAt)
        {
            written.Deadline!.Report(messages.Text(MeetingFileMessages.DeadlineAfterMeeting, ("deadline", written.Deadline.Text.Trim()), ("date", written.Date!.Text.Trim())));
        }

        // Every value is checked, whatever else is missing, so that one import reports every problem.
        var themeId = kind is null ? null : ThemeId(written, kind.Value);
        var findings = Findings(written.Findings);
        var headings = Headings(written.Headings);
        var invitationCode = InvitationCode(written.InvitationCode);
        var people = People(written);
        var reminders = Reminders(written.Reminders);
        return kind is null || written.Title is null || written.Unit is null ? null : new MeetingDefinition
        {
            Kind = kind.Value,
            Title = written.Title.Text.Trim(),
            Unit = written.Unit.Text.Trim(),
            HeldAt = heldAt,
            Place = Optional(written.Place),
            Deadline = deadline,
            TimeZoneId = zoneId,
            Findings = findings,
            ThemeId = themeId,
            Headings = headings,
            InvitationCode = invitationCode,
            Reminders = reminders,
            People = people,
        };
    }

    /// <summary>The file's reminder schedule over the default, each value checked; null when the file has none.</summary>
    private ReminderSchedule? Reminders(WrittenReminders? written)
    {
        if (written is null)
        {
            return null;
        }

        TimeSpan? Duration(Written item)
        {
            var duration = ReminderSchedule.ParseDuration(item.Text);
            if (duration is null)
            {
                item.Report(messages.Text(MeetingFileMessages.BadDuration, ("text", item.Text.Trim())));
            }

            return duration;
        }

        var schedule = ReminderSchedule.Default;
        if (written.BeforeDeadline is { } before)
        {
            schedule = schedule with { BeforeDeadline = [.. before.Select(Duration).OfType<TimeSpan>().Distinct().OrderDescending()] };
        }

        if (written.PromptBeforeMeeting is { } prompt)
        {
            schedule = schedule with { PromptBeforeMeeting = Duration(prompt) };
        }

        if (written.QuietHours is { } quiet)
        {
            if (ReminderSchedule.TryParseQuietHours(quiet.Text, out var hours))
            {
                schedule = schedule with { QuietHours = hours };
            }
            else
            {
                quiet.Report(messages.Text(MeetingFileMessages.BadQuietHours, ("text", quiet.Text.Trim())));
            }
        }

        if (written.QuietWeekends is { } weekends)
        {
            if (bool.TryParse(weekends.Text.Trim(), out var quietWeekends))
            {
                schedule = schedule with { QuietWeekends = quietWeekends };
            }
            else
            {
                weekends.Report(messages.Text(MeetingFileMessages.BadQuietWeekends, ("text", weekends.Text.Trim())));
            }
        }

        if (written.TimeZone is { } zone)
        {
            if (MeetingTimes.Zone(zone.Text.Trim()) is null)
            {
                zone.Report(messages.Text(MeetingFileMessages.BadTimeZone, ("text", zone.Text.Trim())));
            }

            schedule = schedule with { TimeZoneId = zone.Text.Trim() };
        }

        return schedule;
    }

    private MeetingKind? Kind(Written? written)
    {
        if (written is null)
        {
            return null;
        }

        var kind = MeetingKinds.FromName(written.Text.Trim());
        if (kind is null)
        {
            written.Report(messages.Text(MeetingFileMessages.UnknownKind, ("kind", written.Text.Trim()), ("allowed", string.Join("、", MeetingKinds.Names))));
        }

        return kind;
    }

    private DateTimeOffset? Time(Written? written, TimeZoneInfo zone)
    {
        if (written is null)
        {
            return null;
        }

        var time = MeetingTimes.Parse(written.Text, zone);
        if (time is null)
        {
            written.Report(messages.Text(MeetingFileMessages.BadTime, ("text", written.Text.Trim())));
        }

        return time;
    }

    private IReadOnlyList<Finding> Findings(Written? written)
    {
        if (written is null)
        {
            return [];
        }

        if (!FindingsParser.TryParse(written.Text, out var findings))
        {
            written.Report(messages.NoFindings);
        }

        return findings;
    }

    private IReadOnlyList<string> Headings(Written? written)
    {
        var headings = written is null ? [] : Theme.ParseHeadings(written.Text);
        if (written is not null && headings.Count == 0)
        {
            written.Report(messages.NoHeadings);
        }

        return headings;
    }

    private string? ThemeId(WrittenMeeting written, MeetingKind kind)
    {
        if (written.Theme is not { } given)
        {
            return null;
        }

        var id = given.Text.Trim();
        if (written.Headings is not null)
        {
            written.Headings.Report(messages.Text(MeetingFileMessages.ThemeAndHeadings));
        }

        if (themes.Find(id) is not { } theme)
        {
            var allowed = themes.For(kind).Select(t => t.Id).DefaultIfEmpty("—");
            given.Report(messages.Text(MeetingFileMessages.UnknownTheme, ("theme", id), ("allowed", string.Join("、", allowed))));
        }
        else if (theme.Kind != kind)
        {
            given.Report(messages.Text(MeetingFileMessages.ThemeKind, ("theme", id), ("kind", MeetingKinds.NameOf(kind))));
        }

        return id;
    }

    private string? InvitationCode(Written? written)
    {
        var code = Optional(written);
        if (code is not null && !CodePattern().IsMatch(code))
        {
            written!.Report(messages.Text(MeetingFileMessages.BadInvitationCode, ("code", code)));
        }

        return code;
    }

    private List<PersonDefinition> People(WrittenMeeting written)
    {
        var people = new List<PersonDefinition>();
        var owners = new Dictionary<ChannelIdentity, string>();
        foreach (var person in written.People)
        {
            // Rosters pad two-character names to align them (王　敏); a name has no spaces of its own.
            var name = string.Concat(person.Name.Text.Where(c => !char.IsWhiteSpace(c)));
            if (people.Any(p => p.Name == name))
            {
                person.Name.Report(messages.Text(MeetingFileMessages.PersonTwice, ("name", name)));
                continue;
            }

            var accounts = new List<ChannelIdentity>();
            foreach (var account in person.Accounts)
            {
                if (Account(account) is not { } identity || accounts.Contains(identity))
                {
                    continue;
                }

                if (!owners.TryAdd(identity, name))
                {
                    account.Report(messages.Text(MeetingFileMessages.AccountTwice, ("account", identity.ToString()), ("first", owners[identity]), ("second", name)));
                }

                accounts.Add(identity);
            }

            if (person.Role == MeetingRole.Secretary && person.Accounts.Count == 0)
            {
                person.Name.Report(messages.Text(MeetingFileMessages.SecretaryWithoutAccount, ("name", name)));
            }

            people.Add(new PersonDefinition(name, person.Role) { Post = Optional(person.Post), Areas = Optional(person.Areas), Accounts = accounts });
        }

        if (!written.RosterMissing && written.People.All(p => p.Role != MeetingRole.Secretary))
        {
            written.Report(messages.Text(MeetingFileMessages.NoSecretary));
        }

        return people;
    }

    private ChannelIdentity? Account(Written written)
    {
        var identity = ChannelIdentity.Parse(written.Text.Trim());
        if (identity is null || !ChannelIdentity.RosterChannels.Contains(identity.ChannelId))
        {
            written.Report(messages.Text(MeetingFileMessages.BadAccount, ("text", written.Text.Trim()), ("channels", string.Join("、", ChannelIdentity.RosterChannels))));
            return null;
        }

        return identity;
    }

    private static string? Optional(Written? written) => written?.Text.Trim() is { Length: > 0 } text ? text : null;

    [GeneratedRegex("^[A-Za-z0-9]{4,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
