using System.Text.Json;
using System.Text.Json.Serialization;
using MeetingBot.Channels.BotFramework;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// Conversation (docs/protocols.md D.2), also the answer of the token endpoints, which leave out
/// <see cref="StreamUrl"/>. DirectLineJS replaces its token with <see cref="Token"/> (D.4), so it is always set.
/// </summary>
public sealed record DirectLineConversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>ActivitySet (D.2): the activities after the requested watermark and the watermark to ask with next.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);

/// <summary>
/// TokenParameters (D.2); DirectLineJS also sends <see cref="Locale"/> when it starts a conversation.
/// Other fields (trustedOrigins, eTag) are read past: nothing here is written back.
/// </summary>
public sealed record TokenParameters(ChannelAccount? User, string? Locale);

/// <summary>What a token vouches for, signed (see <see cref="DirectLineTokens"/>); short names keep tokens short.</summary>
internal sealed record TokenPayload(
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("c")] string ConversationId,
    [property: JsonPropertyName("exp")] long ExpiresAtUnixSeconds,
    [property: JsonPropertyName("n")] string? Name = null,
    [property: JsonPropertyName("s")] string? SessionId = null,
    [property: JsonPropertyName("a")] string? Account = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(TokenPayload))]
[JsonSerializable(typeof(SignInSession))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
