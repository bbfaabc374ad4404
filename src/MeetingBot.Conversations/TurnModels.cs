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

    /// <summary>
    /// The question a clicked card belonged to. When it is not the question now open, the click is
    /// stale: it is not taken as an answer, and the current question is asked again.
    /// </summary>
    public string? QuestionKey { get; init; }

    /// <summary>Where to reach the user later (proactive messages); kept with the conversation.</summary>
    public ConversationReference? Reference { get; init; }
}

/// <summary>What a channel needs to message a conversation without being asked (protocols.md B.6).</summary>
public sealed record ConversationReference(string ServiceUrl, string? BotId, string? TenantId);

public enum TurnKind
{
    /// <summary>The user wrote (or clicked) something.</summary>
    Message,

    /// <summary>The conversation was opened: greet, or resume where the user was.</summary>
    ConversationStarted,

    /// <summary>The user sent something other than text (a file, a picture).</summary>
    Unsupported,

    /// <summary>
    /// The bot was mentioned in a group chat or channel. Answers there would be seen by everyone, so
    /// the bot only points to the personal chat and touches no state.
    /// </summary>
    GroupMention,
}

/// <summary>One message for the user. <see cref="Choices"/> become buttons where the channel has them.</summary>
public sealed record BotReply(string Text, IReadOnlyList<string> Choices)
{
    /// <summary>The question this reply asks, for channels that show it as a form (Teams cards).</summary>
    public ReplyQuestion? Question { get; init; }

    /// <summary>The reply carries the draft (long; worth a typing indicator and splitting).</summary>
    public bool IsDraft { get; init; }
}

/// <summary>A choice question as a form: <see cref="Key"/> identifies it when the form comes back.</summary>
public sealed record ReplyQuestion(string Key, string Prompt, bool Multi, IReadOnlyList<ReplyOption> Options);

/// <summary>An option of a form; the number is what the engine reads back.</summary>
public sealed record ReplyOption(int Number, string Label, bool Suggested);

/// <summary>
/// The replies of a turn. <see cref="Duplicate"/>: the activity was seen before; nothing was changed.
/// <see cref="StaleCard"/>: a clicked form belonged to an earlier question and was not taken as an answer.
/// </summary>
public sealed record TurnResult(IReadOnlyList<BotReply> Replies, bool Duplicate = false, bool StaleCard = false);
