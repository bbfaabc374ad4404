using MeetingBot.Dialogs.Loading;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Meetings.Import;

/// <summary>
/// Reads a meeting file in YAML (dialogs/README.md, "Meeting files"). The keys are fixed, since
/// deployment documents rely on them; an unknown key is an error at its line.
/// </summary>
internal static class MeetingYamlReader
{
    private static readonly string[] RootKeys = ["meeting", "secretaries", "members", "reminders"];

    private static readonly string[] ReminderKeys = ["before_deadline", "prompt_before_meeting", "quiet_hours", "quiet_weekends", "time_zone"];

    private static readonly string[] MeetingKeys =
        ["kind", "title", "unit", "date", "place", "deadline", "findings", "theme", "headings", "time_zone", "invitation_code"];

    private static readonly string[] PersonKeys = ["name", "post", "areas", "accounts"];

    /// <summary>What the file says, with its form checked; null when it cannot be read at all.</summary>
    public static WrittenMeeting? Read(string path, MeetingFileMessages messages, List<string> problems)
    {
        var root = YamlFile.Open(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path), problems, out var file, messages.Yaml);
        if (root is null)
        {
            return null;
        }

        file.OnlyKeys(root, RootKeys);
        var written = new WrittenMeeting(problem => problems.Add(messages.Text(MeetingFileMessages.AtFile, ("file", file.Name), ("problem", problem))));
        if (file.Mapping(root, "meeting", required: true) is { } meeting)
        {
            file.OnlyKeys(meeting, MeetingKeys);
            written.Kind = Value(file, meeting, "kind", required: true);
            written.Title = Value(file, meeting, "title", required: true);
            written.Unit = Value(file, meeting, "unit", required: true);
            written.Date = Value(file, meeting, "date");
            written.Place = Value(file, meeting, "place");
            written.Deadline = Value(file, meeting, "deadline");
            written.Findings = Value(file, meeting, "findings");
            written.Theme = Value(file, meeting, "theme");
            written.Headings = Value(file, meeting, "headings");
            written.TimeZone = Value(file, meeting, "time_zone");
            written.InvitationCode = Value(file, meeting, "invitation_code");
        }

        if (file.Mapping(root, "reminders") is { } reminders)
        {
            file.OnlyKeys(reminders, ReminderKeys);
            written.Reminders = new WrittenReminders(
                YamlFile.Get(reminders, "before_deadline") is null ? null : Items(file, reminders, "before_deadline"),
                Value(file, reminders, "prompt_before_meeting"),
                Text(file, reminders, "quiet_hours"),
                Value(file, reminders, "quiet_weekends"),
                Value(file, reminders, "time_zone"));
        }

        foreach (var (key, role) in new[] { ("secretaries", MeetingRole.Secretary), ("members", MeetingRole.Member) })
        {
            written.People.AddRange(file.Mappings(root, key).Select(person => Person(file, person, role)).OfType<WrittenPerson>());
        }

        return written;
    }

    private static WrittenPerson? Person(YamlFile file, YamlMappingNode map, MeetingRole role)
    {
        file.OnlyKeys(map, PersonKeys);
        return Value(file, map, "name", required: true) is not { } name ? null : new WrittenPerson(name, role)
        {
            Post = Value(file, map, "post"),
            Areas = Value(file, map, "areas"),
            Accounts = Accounts(file, map),
        };
    }

    /// <summary>A list of accounts, or one text of them separated as in a roster's cell.</summary>
    private static Written[] Accounts(YamlFile file, YamlMappingNode map) => Items(file, map, "accounts");

    /// <summary>A list's items, each reported at its own line, or one text of them separated by commas or spaces.</summary>
    private static Written[] Items(YamlFile file, YamlMappingNode map, string key)
    {
        switch (YamlFile.Get(map, key))
        {
            case YamlSequenceNode list:
                return list.Children.Select(item => new Written(item is YamlScalarNode { Value: { } text } ? text : "", problem => file.Problem(item, problem))).ToArray();
            case YamlScalarNode { Value: { } text } scalar:
                return AccountList.Split(text).Select(item => new Written(item, problem => file.Problem(scalar, problem))).ToArray();
            case null:
                return [];
            default:
                file.Strings(map, key);
                return [];
        }
    }

    /// <summary>A text that may be empty ("" for no quiet hours).</summary>
    private static Written? Text(YamlFile file, YamlMappingNode map, string key) =>
        YamlFile.Get(map, key) is YamlScalarNode scalar ? new Written(scalar.Value ?? "", problem => file.Problem(scalar, problem)) : Value(file, map, key);

    private static Written? Value(YamlFile file, YamlMappingNode map, string key, bool required = false) =>
        file.Text(map, key, required) is { } text ? new Written(text, problem => file.Problem(YamlFile.Get(map, key)!, problem)) : null;
}
