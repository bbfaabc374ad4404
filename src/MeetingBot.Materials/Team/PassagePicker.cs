using MeetingBot.Materials.Drafts;

namespace MeetingBot.Materials.Team;

/// <summary>
/// Chooses which of several members' sentences the team's material quotes. A sentence that names
/// any member is never quoted (the team's prose names no one), nor an empty one; the same sentence
/// from two members is one.
/// </summary>
internal sealed class PassagePicker(IReadOnlyList<MemberMaterial> members)
{
    private const int MostCommitments = 3;

    // A one-character name would match inside ordinary words.
    private readonly string[] _names = members
        .SelectMany(m => new[] { m.Name, m.Draft.Name.Value })
        .OfType<string>()
        .Select(n => n.Trim())
        .Where(n => n.Length >= 2)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The value most members wrote (the first of those on a tie), or null.</summary>
    public string? MostCommon(IEnumerable<DraftField> fields) =>
        Usable(fields, distinct: false).GroupBy(v => v, StringComparer.Ordinal).MaxBy(g => g.Count())?.Key;

    /// <summary>The most concrete value (see the overload), or null.</summary>
    public string? MostConcrete(IEnumerable<DraftField> fields) => MostConcrete(fields, 1) is [var value] ? value : null;

    /// <summary>
    /// The most concrete values, at most <paramref name="count"/>: concrete ones before those without
    /// a number or date; among concrete ones, those not in the first person singular first, then by
    /// <see cref="Concreteness.Score"/>; ties in the members' order.
    /// </summary>
    public IReadOnlyList<string> MostConcrete(IEnumerable<DraftField> fields, int count) =>
    [
        .. Usable(fields)
            .Select(v => (Value: v, Score: Concreteness.Score(v)))
            .OrderBy(v => v.Score == 0)
            .ThenBy(v => Concreteness.IsFirstPerson(v.Value))
            .ThenByDescending(v => v.Score)
            .Take(count)
            .Select(v => v.Value),
    ];

    /// <summary>The distinct commitments, at most three: those with a deadline or a number first, otherwise in the members' order.</summary>
    public IReadOnlyList<string> Commitments(IEnumerable<DraftField> fields) =>
        [.. Usable(fields).OrderBy(v => Deadlines.Read(v) is null && !Concreteness.HasNumber(v)).Take(MostCommitments)];

    /// <summary>The members' names, once each, in roster order.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<MemberMaterial> raisedBy) => [.. raisedBy.Select(m => m.Name).Distinct(StringComparer.Ordinal)];

    private IEnumerable<string> Usable(IEnumerable<DraftField> fields, bool distinct = true)
    {
        var values = fields.Select(f => f.Value).OfType<string>().Where(v => v.Length > 0 && !_names.Any(n => v.Contains(n, StringComparison.Ordinal)));
        return distinct ? values.Distinct(StringComparer.Ordinal) : values;
    }
}
