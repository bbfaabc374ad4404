using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MeetingBot.Conversations.Meetings;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Storage;

namespace MeetingBot.Conversations;

/// <summary>
/// What a dialog keeps between turns, wherever it is stored: the answers, and what a retried or
/// duplicated delivery needs. A personal self-check keeps it in its conversation's document
/// (<see cref="ConversationRecord"/>); a meeting member's in the meeting (<see cref="SelfCheckRecord"/>),
/// so that it follows the person from channel to channel.
/// </summary>
public abstract class DialogRecord
{
    /// <summary>How many recent activity ids are remembered to recognise a duplicate delivery.</summary>
    public const int RememberedActivities = 32;

    public DialogState Dialog { get; init; } = new();

    /// <summary>Ids of the latest activities processed, newest last.</summary>
    public List<string> RecentActivityIds { get; init; } = [];

    /// <summary>The replies of the latest activity, sent again when that activity is delivered again.</summary>
    public List<BotReply> LastReplies { get; set; } = [];

    /// <summary>How many draft versions have been kept.</summary>
    public int DraftVersions { get; set; }

    /// <summary>A fingerprint of the latest kept version, so an unchanged draft is not kept again.</summary>
    public string? LastDraftHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The id of a kept draft version in the record's partition.</summary>
    public virtual string VersionIdOf(int version) => DraftVersion.IdOf(version);

    /// <summary>Remembers a processed activity (or bot-initiated key), forgetting the oldest beyond <see cref="RememberedActivities"/>.</summary>
    public void Remember(string activityId)
    {
        RecentActivityIds.Add(activityId);
        if (RecentActivityIds.Count > RememberedActivities)
        {
            RecentActivityIds.RemoveAt(0);
        }
    }
}

/// <summary>
/// The stored state of one conversation: who it is with and how to reach it, the personal
/// self-check (when the user is on no meeting's roster), and which meeting it works on. One
/// document per conversation, read once per turn.
/// </summary>
public sealed class ConversationRecord : DialogRecord
{
    public const string Kind = "conversation";

    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    public required string UserId { get; set; }

    /// <summary>Facts about the user the channel told (their name), by role; part of the context of every turn.</summary>
    public Dictionary<string, string> Profile { get; init; } = new(StringComparer.Ordinal);

    /// <summary>How to reach the conversation without being asked, as last seen.</summary>
    public ConversationAddress? Address { get; set; }

    /// <summary>The meeting this conversation prepares for, and who the user is on its roster; null for a personal self-check.</summary>
    public MeetingBinding? Meeting { get; set; }

    /// <summary>When the user's meetings were last looked up (docs/architecture.md, "Meetings in the store").</summary>
    public DateTimeOffset MeetingsCheckedAt { get; set; }

    /// <summary>The meetings offered when the user is on several rosters, until they choose one.</summary>
    public List<string> MeetingChoices { get; set; } = [];

    /// <summary>A dialog entered by a command (创建会议), run instead of the self-check until it ends.</summary>
    public SideDialog? Side { get; set; }

    public static ConversationRecord FromJson(JsonElement body)
    {
        var record = body.Deserialize(StoredJson.Context.ConversationRecord)!;
        // Records written before the profile had its own place kept the channel's name in the dialog.
        if (record.Profile.Count == 0
            && body.TryGetProperty("dialog", out var dialog)
            && dialog.TryGetProperty("profileName", out var name)
            && name.GetString() is { Length: > 0 } profileName)
        {
            record.Profile[ProfileRoles.Name] = profileName;
        }

        return record;
    }

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, StoredJson.Context.ConversationRecord);
}

/// <summary>The roles of the facts a channel may tell about its user.</summary>
public static class ProfileRoles
{
    public const string Name = "name";
}

/// <summary>A rendering of the draft, kept as a version beside the conversation.</summary>
public sealed record DraftVersion(int Version, DateTimeOffset RenderedAt, bool Submitted, string Text)
{
    public const string Kind = "draft";

    public static string IdOf(int version) => $"draft-{version:D6}";

    public static DraftVersion FromJson(JsonElement body) => body.Deserialize(StoredJson.Context.DraftVersion)!;

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, StoredJson.Context.DraftVersion);
}

/// <summary>
/// Where a conversation's documents live. Channel conversation ids are long and contain characters
/// that stores reject in ids ('/', '?', '#', ';'), so the partition key is a hash of channel and
/// conversation; the ids themselves are kept inside the document.
/// </summary>
public static class ConversationKeys
{
    public const string StateId = "state";

    public static string Partition(string channelId, string conversationId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + conversationId));
        return "conv-" + Convert.ToHexStringLower(hash.AsSpan(0, 20));
    }

    public static DocumentKey State(string channelId, string conversationId) => new(Partition(channelId, conversationId), StateId);
}

/// <summary>
/// How conversation documents are written. Chinese text is kept as it is rather than escaped as
/// \uXXXX, which would triple the size of every stored answer (and its cost in a metered store).
/// The documents are data, never embedded in HTML, so the relaxed encoder is safe here. Default
/// values (false, 0, null) are left out: they read back the same, since no stored type gives a
/// property another starting value, and every turn writes the whole document.
/// </summary>
internal static class StoredJson
{
    public static readonly ConversationJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A card's blocks (a reply kept for a repeated delivery) by name, so a reordered enum never changes a stored card.
        Converters = { new JsonStringEnumConverter<Materials.Outline.BlockKind>() },
    });
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(ConversationRecord))]
[JsonSerializable(typeof(Meetings.SelfCheckRecord))]
[JsonSerializable(typeof(DialogState))]
[JsonSerializable(typeof(Meetings.AuditEntry))]
[JsonSerializable(typeof(DraftVersion))]
[JsonSerializable(typeof(Files.StoredFile))]
[JsonSerializable(typeof(Files.SecretDocument))]
[JsonSerializable(typeof(Outbound.PendingReplyList))]
[JsonSerializable(typeof(Reminders.RoundRecord))]
[JsonSerializable(typeof(Reminders.ReminderClaim))]
internal sealed partial class ConversationJsonContext : JsonSerializerContext;
