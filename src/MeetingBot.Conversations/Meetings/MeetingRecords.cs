using System.Text.Json;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Storage;

namespace MeetingBot.Conversations.Meetings;

/// <summary>The meeting a conversation works on, and who its user is on that meeting's roster.</summary>
public sealed record MeetingBinding(string MeetingId, string PersonId);

/// <summary>A dialog entered by a command: what it is for, the id of what it creates, and its answers.</summary>
public sealed record SideDialog(string Purpose, string Id, DialogState Dialog)
{
    public const string CreateMeeting = "create_meeting";
}

/// <summary>A conversation of a person, to reach them later.</summary>
public sealed record ConversationRef(string ChannelId, string ConversationId);

/// <summary>A secretary sent a submitted material back: why, who, when.</summary>
public sealed record ReturnNote(string Comment, string ByName, DateTimeOffset At);

/// <summary>Where a member stands, as the roster shows it (进度).</summary>
public enum MemberStatus
{
    NotStarted,
    InProgress,
    Submitted,
    Returned,
}

/// <summary>
/// One person's self-check for one meeting, kept in the meeting's partition (docs/architecture.md,
/// "Meetings in the store"): every channel the person uses continues it, and the secretary's views
/// read it with the meeting's other documents in one query.
/// </summary>
public sealed class SelfCheckRecord : DialogRecord
{
    public const string Kind = "selfcheck";

    public required string MeetingId { get; init; }

    public required string PersonId { get; init; }

    /// <summary>The conversation the person last used, where messages for them go.</summary>
    public ConversationRef? LastConversation { get; set; }

    /// <summary>The latest submission the secretaries have, or null (never submitted, withdrawn, or sent back).</summary>
    public Submission? Submission { get; set; }

    /// <summary>Why the latest submission was sent back, until the member submits again.</summary>
    public ReturnNote? Returned { get; set; }

    /// <summary>The person asked for no reminders of this meeting (暂停提醒, 请假) until they resume them.</summary>
    public bool RemindersPaused { get; set; }

    /// <summary>
    /// The points of 相互批评 the member noted for the meeting (记一条批评意见), in order, as they
    /// wrote them. Only their own prompt card shows them: no secretary's view reads them.
    /// </summary>
    public List<string> CriticismNotes { get; init; } = [];

    public MemberStatus Status => this switch
    {
        { Submission: not null } => MemberStatus.Submitted,
        { Returned: not null } => MemberStatus.Returned,
        _ when Dialog.Answers.Count > 0 => MemberStatus.InProgress,
        _ => MemberStatus.NotStarted,
    };

    public static DocumentKey KeyOf(string meetingId, string personId) => new(MeetingKeys.Partition(meetingId), "selfcheck-" + personId);

    public DocumentKey Key => KeyOf(MeetingId, PersonId);

    public override string VersionIdOf(int version) => $"draft-{PersonId}-{version:D6}";

    public static SelfCheckRecord FromJson(JsonElement body) => body.Deserialize(StoredJson.Context.SelfCheckRecord)!;

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, StoredJson.Context.SelfCheckRecord);
}

/// <summary>
/// What a member handed in: the kept draft version and the answers as they were at 提交, frozen,
/// beside the self-check that may go on changing. The aggregates (汇总, 整改清单, 雷同检查, 导出) read these only.
/// </summary>
public sealed record Submission(int Version, DateTimeOffset SubmittedAt, DialogState Dialog);
