namespace MeetingBot.Meetings;

/// <summary>
/// What a meeting tells the dialog about one of its people, by role (name, post, areas, unit, the
/// meeting's title and kind, how many aspects and findings its inspection fed back), and the lists
/// steps draw their options from (its findings), so the self-check does not ask what the roster
/// already knows.
/// </summary>
public sealed record MeetingFacts(IReadOnlyDictionary<string, string> Facts, IReadOnlyDictionary<string, IReadOnlyList<(string Id, string Label)>> Lists)
{
    public const string FindingsList = "findings";

    /// <summary>The fact naming the meeting's kind: the id of the meeting_kind option it stands for (local_inspection).</summary>
    public const string KindRole = "meeting_kind";

    public static MeetingFacts For(Meeting meeting, RosterEntry entry)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["unit"] = meeting.Unit,
            ["meeting_title"] = meeting.Title,
            [KindRole] = OptionOf(meeting.Kind),
        };
        Add(facts, "name", entry.Name);
        Add(facts, "post", entry.Post);
        Add(facts, "areas", entry.Areas);
        if (meeting.Findings.Count > 0)
        {
            facts["feedback_aspects"] = meeting.Findings.Select(f => f.Aspect).Distinct().Count().ToString(System.Globalization.CultureInfo.InvariantCulture);
            facts["feedback_count"] = meeting.Findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var lists = new Dictionary<string, IReadOnlyList<(string Id, string Label)>>(StringComparer.Ordinal)
        {
            [FindingsList] = meeting.Findings.Select(f => (f.Id, f.Text)).ToArray(),
        };
        return new MeetingFacts(facts, lists);
    }

    /// <summary>The option of the meeting_kind step a kind stands for: its name in snake case (central_inspection).</summary>
    public static string OptionOf(MeetingKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static void Add(Dictionary<string, string> facts, string role, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts[role] = value;
        }
    }
}
