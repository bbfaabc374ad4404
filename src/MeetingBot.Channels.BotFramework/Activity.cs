using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// The Bot Framework Activity (docs/protocols.md A). Only the fields the bot reads or writes are typed;
/// every other field is kept in <see cref="Extra"/> and written back unchanged.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? Text { get; init; }

    public string? InputHint { get; init; }

    public string? ReplyToId { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<JsonElement>? Attachments { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public JsonElement? Value { get; init; }

    public string? Name { get; init; }

    public string? Action { get; init; }

    public string? DeliveryMode { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions)
{
    public IReadOnlyList<string>? To { get; init; }
}

public sealed record CardAction(string Type, string Title, string Value);

/// <summary>What a new conversation is opened with (docs/protocols.md B.2, B.6).</summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount> Members { get; init; } = [];

    public string? TenantId { get; init; }

    public JsonElement? ChannelData { get; init; }
}

/// <summary>An attachment that is a file to download (docs/protocols.md A.4): Web Chat shows it with its name.</summary>
public sealed record FileAttachment(string ContentType, string ContentUrl, string Name);

/// <summary>The Connector's answer to a created conversation.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>The body of an expectReplies response (docs/protocols.md A.6).</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>The Connector's answer to a sent activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Activity type and field values of the protocol (ordinal comparison).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string ExpectReplies = "expectReplies";
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string MsTeams = "msteams";

    /// <summary>The channel id of the bot's own Direct Line (the Web Chat page); never accepted on /api/messages.</summary>
    public const string DirectLine = "directline";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(FileAttachment))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
public sealed partial class BotFrameworkJsonContext : JsonSerializerContext;
