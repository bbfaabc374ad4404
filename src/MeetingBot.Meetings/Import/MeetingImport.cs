using System.Globalization;
using System.Security.Cryptography;

namespace MeetingBot.Meetings.Import;

/// <summary>
/// Makes a meeting of its file, or updates the meeting with it, without losing anyone: a person
/// keeps their <see cref="RosterEntry.PersonId"/>, under which their answers are stored (dialogs/README.md,
/// "Meeting files", re-import).
/// </summary>
public static class MeetingImport
{
    private const string FindingPrefix = "f";

    /// <summary>
    /// The meeting as <paramref name="definition"/> describes it. A person of the file takes the
    /// id of the entry that shares an account with them, else of the entry of their exact name,
    /// else a new one; each entry is taken once. Entries the file no longer lists stay, marked
    /// <see cref="RosterEntry.Removed"/>. Roles, posts, areas and accounts are the file's. A finding
    /// keeps its id while its text stays the same; a new one gets an id never used before. What the
    /// file leaves out (date, place, deadline, findings, a theme or headings, the invitation code)
    /// keeps the meeting's value.
    /// </summary>
    public static Meeting Apply(Meeting? existing, MeetingDefinition definition)
    {
        var roster = existing?.Roster ?? [];
        var matches = Match(roster, definition.People);
        var people = definition.People.Select((person, i) => new RosterEntry(matches[i]?.PersonId ?? NewId("p-", roster), person.Name, person.Role)
        {
            Post = person.Post,
            Areas = person.Areas,
            Identities = person.Accounts,
        });
        var removed = roster.Where(entry => !matches.Contains(entry)).Select(entry => entry with { Removed = true });
        var themed = definition.ThemeId is not null || definition.Headings.Count > 0;
        return new Meeting
        {
            Id = existing?.Id ?? NewId("m-", []),
            Kind = definition.Kind,
            Title = definition.Title,
            Unit = definition.Unit,
            HeldAt = definition.HeldAt ?? existing?.HeldAt,
            Place = definition.Place ?? existing?.Place,
            Deadline = definition.Deadline ?? existing?.Deadline,
            TimeZoneId = definition.TimeZoneId,
            Roster = [.. people, .. removed],
            Findings = definition.Findings.Count > 0 ? KeepIds(existing?.Findings ?? [], definition.Findings) : existing?.Findings ?? [],
            ThemeId = themed ? definition.ThemeId : existing?.ThemeId,
            Headings = themed ? definition.Headings : existing?.Headings ?? [],
            InvitationCode = definition.InvitationCode ?? existing?.InvitationCode,
            Reminders = definition.Reminders ?? existing?.Reminders ?? ReminderSchedule.Default,
        };
    }

    /// <summary>For each person of the file, the entry they continue, or null.</summary>
    private static RosterEntry?[] Match(IReadOnlyList<RosterEntry> roster, IReadOnlyList<PersonDefinition> people)
    {
        var matches = new RosterEntry?[people.Count];
        var rules = new Func<RosterEntry, PersonDefinition, bool>[]
        {
            (entry, person) => entry.Identities.Intersect(person.Accounts).Any(),
            (entry, person) => entry.Name == person.Name,
        };
        foreach (var rule in rules)
        {
            for (var i = 0; i < people.Count; i++)
            {
                matches[i] ??= roster.FirstOrDefault(entry => !matches.Contains(entry) && rule(entry, people[i]));
            }
        }

        return matches;
    }

    /// <summary>
    /// The findings with the id of the earlier finding of the same text; the others numbered after the
    /// highest id ever given, so that what members claimed of a finding never moves to another.
    /// </summary>
    private static Finding[] KeepIds(IReadOnlyList<Finding> earlier, IReadOnlyList<Finding> findings)
    {
        var next = earlier.Select(f => f.Id.StartsWith(FindingPrefix, StringComparison.Ordinal)
                && int.TryParse(f.Id.AsSpan(FindingPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return findings.Select(finding =>
        {
            var id = earlier.FirstOrDefault(f => f.Text == finding.Text && !taken.Contains(f.Id))?.Id ?? string.Create(CultureInfo.InvariantCulture, $"{FindingPrefix}{next++}");
            taken.Add(id);
            return finding with { Id = id };
        }).ToArray();
    }

    /// <summary>A prefix and 12 random lower-case hex digits, none of the roster's.</summary>
    private static string NewId(string prefix, IReadOnlyList<RosterEntry> roster)
    {
        while (true)
        {
            var id = prefix + RandomNumberGenerator.GetHexString(12, lowercase: true);
            if (roster.All(e => e.PersonId != id))
            {
                return id;
            }
        }
    }
}
