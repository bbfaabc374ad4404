using System.Text.Json;
using System.Text.Json.Serialization;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Storage;

namespace MeetingBot.Conversations.Reminders;

/// <summary>
/// A round of reminders as opened in the meeting's partition (docs/architecture.md, "Reminders"):
/// the first instance to create it fixes who it is for; it is finished when the secretaries have
/// had its summary.
/// </summary>
public sealed record RoundRecord(string RoundId, [property: JsonConverter(typeof(JsonStringEnumConverter<ReminderKind>))] ReminderKind Kind, DateTimeOffset OpenedAt, IReadOnlyList<string> Recipients)
{
    public const string DocumentKind = "reminder-round";

    public DateTimeOffset? SummarizedAt { get; init; }

    public static DocumentKey KeyOf(string meetingId, string roundId) => new(MeetingKeys.Partition(meetingId), "round-" + roundId);

    public static RoundRecord FromJson(JsonElement body) => body.Deserialize(StoredJson.Context.RoundRecord)!;

    public NewDocument ToDocument(string meetingId) =>
        new(KeyOf(meetingId, RoundId), DocumentKind, JsonSerializer.SerializeToElement(this, StoredJson.Context.RoundRecord));
}

/// <summary>Where one reminder to one person stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClaimState>))]
public enum ClaimState
{
    /// <summary>An instance is sending it; until <see cref="ReminderClaim.Until"/>, after which another may.</summary>
    Claimed,

    /// <summary>A send failed; tried again from <see cref="ReminderClaim.Until"/>.</summary>
    Waiting,

    Sent,

    /// <summary>Not sent: the person submitted or paused their reminders since the round opened.</summary>
    Skipped,

    /// <summary>The person has never talked to the bot on any channel, so there is nowhere to send it.</summary>
    Unreachable,

    /// <summary>Every attempt failed.</summary>
    Failed,
}

/// <summary>
/// The claim on one reminder of a round to one person: created or taken over with a conditional
/// write, so of several instances exactly one sends it; a claim whose lease ran out is taken over.
/// </summary>
public sealed record ReminderClaim(string RoundId, string PersonId, ClaimState State, DateTimeOffset Until, int Attempts)
{
    public const string DocumentKind = "reminder";

    public bool Done => State is ClaimState.Sent or ClaimState.Skipped or ClaimState.Unreachable or ClaimState.Failed;

    public static DocumentKey KeyOf(string meetingId, string roundId, string personId) => new(MeetingKeys.Partition(meetingId), $"reminder-{roundId}-{personId}");

    public static ReminderClaim FromJson(JsonElement body) => body.Deserialize(StoredJson.Context.ReminderClaim)!;

    public NewDocument ToDocument(string meetingId) =>
        new(KeyOf(meetingId, RoundId, PersonId), DocumentKind, JsonSerializer.SerializeToElement(this, StoredJson.Context.ReminderClaim));
}
