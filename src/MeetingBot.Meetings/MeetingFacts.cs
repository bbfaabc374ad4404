namespace MeetingBot.Meetings;

/// <summary>
/// What a meeting tells the dialog about one of its people, by role (name, post, areas, unit, the
/// meeting's title), and the lists steps draw their options from (its findings), so the self-check
/// does not ask what the roster already knows.
/// </summary>
public sealed record MeetingFacts(IReadOnlyDictionary<string, string> Facts, IReadOnlyDictionary<string, IReadOnlyList<(string Id, string Label)>> Lists)
{
    public const string FindingsList = "findings";

    public static MeetingFacts For(Meeting meeting, RosterEntry entry)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = entry.Name,
            ["unit"] = meeting.Unit,
            ["meeting_title"] = meeting.Title,
        };
        Add(facts, "post", entry.Post);
        Add(facts, "areas", entry.Areas);
        var lists = new Dictionary<string, IReadOnlyList<(string Id, string Label)>>(StringComparer.Ordinal)
        {
            [FindingsList] = meeting.Findings.Select(f => (f.Id, f.Text)).ToArray(),
        };
        return new MeetingFacts(facts, lists);
    }

    private static void Add(Dictionary<string, string> facts, string role, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts[role] = value;
        }
    }
}
