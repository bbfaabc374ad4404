namespace MeetingBot.Conversations;

/// <summary>What a channel hands the pipeline: one user action in one conversation, channel-neutral.</summary>
public sealed record TurnInput
{
    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    public required string UserId { get; init; }

    /// <summary>The name the channel knows the user by, if any.</summary>
    public string? UserName { get; init; }

    /// <summary>The channel's id of the incoming message; a repeated id is processed once.</summary>
    public string? ActivityId { get; init; }

    public required TurnKind Kind { get; init; }

    public string Text { get; init; } = "";
}

public enum TurnKind
{
    /// <summary>The user wrote (or clicked) something.</summary>
    Message,

    /// <summary>The conversation was opened: greet, or resume where the user was.</summary>
    ConversationStarted,

    /// <summary>The user sent something other than text (a file, a picture).</summary>
    Unsupported,
}

/// <summary>One message for the user. <see cref="Choices"/> become buttons where the channel has them.</summary>
public sealed record BotReply(string Text, IReadOnlyList<string> Choices);

/// <summary>The replies of a turn. <see cref="Duplicate"/>: the activity was seen before; nothing was changed.</summary>
public sealed record TurnResult(IReadOnlyList<BotReply> Replies, bool Duplicate = false);
