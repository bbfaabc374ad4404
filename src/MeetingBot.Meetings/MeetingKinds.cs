namespace MeetingBot.Meetings;

/// <summary>
/// How each <see cref="MeetingKind"/> is written: its id in the bot's data files (theme files, the
/// self-check's meeting_kind options) and its name in a secretary's meeting file (dialogs/README.md,
/// "Meeting files"). Both are fixed: deployment documents rely on the names.
/// </summary>
public static class MeetingKinds
{
    private static readonly (MeetingKind Kind, string Id, string Name)[] Table =
    [
        (MeetingKind.Annual, "annual", "年度"),
        (MeetingKind.CentralInspection, "central_inspection", "巡视整改专题"),
        (MeetingKind.LocalInspection, "local_inspection", "巡察整改专题"),
        (MeetingKind.Organizational, "organizational", "组织生活会"),
        (MeetingKind.Special, "special", "其他专题"),
    ];

    public static IReadOnlyList<string> Ids { get; } = Table.Select(k => k.Id).ToArray();

    public static IReadOnlyList<string> Names { get; } = Table.Select(k => k.Name).ToArray();

    public static string IdOf(MeetingKind kind) => Table.Single(k => k.Kind == kind).Id;

    public static string NameOf(MeetingKind kind) => Table.Single(k => k.Kind == kind).Name;

    public static MeetingKind? FromId(string id) => Table.FirstOrDefault(k => k.Id == id) is { Id: not null } row ? row.Kind : null;

    public static MeetingKind? FromName(string name) => Table.FirstOrDefault(k => k.Name == name) is { Name: not null } row ? row.Kind : null;

    /// <summary>巡视 or 巡察: the meeting works through an inspection's findings.</summary>
    public static bool IsInspection(MeetingKind kind) => kind is MeetingKind.CentralInspection or MeetingKind.LocalInspection;
}
