using MeetingBot.Drafting;

namespace MeetingBot.Conversations.Meetings;

/// <summary>roster.scriban (进度): the members, each with their status and last activity.</summary>
public sealed record RosterModel(string Title, DateTime? Deadline, int Submitted, int Total, IReadOnlyList<RosterLine> Members);

/// <summary>A member on the roster; <see cref="Status"/> is not_started, in_progress, submitted or returned.</summary>
public sealed record RosterLine(string Name, string? Post, string Status, DateTime? LastActivity, string? ReturnComment);

/// <summary>meetings.scriban: the meetings a user is on the roster of, to choose from.</summary>
public sealed record MeetingListModel(IReadOnlyList<MeetingListItem> Meetings);

public sealed record MeetingListItem(int Number, string Title, DateTime? HeldAt);

/// <summary>The templates of meetings, with sample models that reach their branches.</summary>
public static class MeetingTemplates
{
    public const string Roster = "roster";
    public const string MeetingList = "meetings";

    public static IReadOnlyList<TemplateSpec> All { get; } =
    [
        new(Roster,
        [
            new RosterModel("会议", new DateTime(2026, 12, 15, 18, 0, 0), 1, 3,
            [
                new RosterLine("甲", "职务", "submitted", new DateTime(2026, 12, 10, 9, 30, 0), null),
                new RosterLine("乙", null, "returned", new DateTime(2026, 12, 11, 9, 30, 0), "意见"),
                new RosterLine("丙", "职务", "in_progress", new DateTime(2026, 12, 12, 9, 30, 0), null),
                new RosterLine("丁", null, "not_started", null, null),
            ]),
            new RosterModel("会议", null, 0, 0, []),
        ]),
        new(PromptCards.Template, PromptCards.Samples),
        new(MeetingList, [new MeetingListModel([new MeetingListItem(1, "会议", new DateTime(2026, 12, 20, 9, 0, 0)), new MeetingListItem(2, "会议", null)])]),
    ];
}
