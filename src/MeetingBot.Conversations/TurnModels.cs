using MeetingBot.Dialogs.Engine;
using MeetingBot.Materials.Outline;
using MeetingBot.Meetings;

namespace MeetingBot.Conversations;

/// <summary>What a channel hands the pipeline: one user action in one conversation, channel-neutral.</summary>
public sealed record TurnInput
{
    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    /// <summary>The user who acted; empty for a turn the bot starts (<see cref="TurnKind.Notification"/>).</summary>
    public required string UserId { get; init; }

    /// <summary>The name the channel knows the user by, if any.</summary>
    public string? UserName { get; init; }

    /// <summary>
    /// Who the user is across channels, as rosters name them (msteams:&lt;AAD object id&gt;,
    /// wecom:&lt;UserID&gt;, web:&lt;sign-in subject&gt;); when null, the channel and its user id.
    /// </summary>
    public ChannelIdentity? Account { get; init; }

    /// <summary>
    /// The channel's id of the incoming message, or the idempotency key of a turn the bot starts: a
    /// repeated id is processed once (docs/architecture.md, "Exactly once").
    /// </summary>
    public string? ActivityId { get; init; }

    public required TurnKind Kind { get; init; }

    public string Text { get; init; } = "";

    /// <summary>
    /// The question a clicked card belonged to. When it is not the question now open, the click is
    /// stale: it is not taken as an answer, and the current question is asked again.
    /// </summary>
    public string? QuestionKey { get; init; }

    /// <summary>How to reach the conversation later (bot-initiated messages); kept with the conversation.</summary>
    public ConversationAddress? Address { get; init; }

    /// <summary>What a <see cref="TurnKind.Notification"/> says.</summary>
    public Notice? Notice { get; init; }
}

/// <summary>
/// Where a conversation can be reached without being asked, whatever the channel: its ids, and what
/// the channel needs besides (a service URL and tenant, a corp id), under names the channel chooses.
/// </summary>
public sealed record ConversationAddress(string ChannelId, string ConversationId, string UserId)
{
    public Dictionary<string, string> Properties { get; init; } = new(StringComparer.Ordinal);

    public string? Property(string name) => Properties.GetValueOrDefault(name);
}

/// <summary>
/// A message the bot sends first: a key of dialogs/messages.yaml and the values of its placeholders,
/// then <see cref="Then"/>, replies rendered before the turn (a member's prompt card).
/// </summary>
public sealed record Notice(string MessageKey, IReadOnlyDictionary<string, object?> Values)
{
    public IReadOnlyList<BotReply> Then { get; init; } = [];
}

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

    /// <summary>The bot speaks first (a reminder, a notification); no user text.</summary>
    Notification,
}

/// <summary>
/// One message for the user: its text, the choices that become buttons where the channel has them,
/// the question as a form for channels that show forms, the reply as a card for channels that format
/// one, and files.
/// </summary>
public sealed record BotReply(string Text, IReadOnlyList<string> Choices)
{
    /// <summary>The question this reply asks, for channels that show it as a form (Teams cards).</summary>
    public ReplyQuestion? Question { get; init; }

    /// <summary>Files that come with the reply (their content is in the store, see <see cref="ConversationFiles"/>).</summary>
    public IReadOnlyList<ReplyAttachment> Attachments { get; init; } = [];

    /// <summary>The reply carries the draft (long; worth a typing indicator and splitting).</summary>
    public bool IsDraft { get; init; }

    /// <summary>
    /// The reply is a card (提示): its outline — title lines, section headings, lines — which a
    /// channel that formats text shows with that structure (an Adaptive Card, WeCom markdown);
    /// <see cref="Text"/> is the same outline as chat text, for the others. All its words come from
    /// the template that wrote it.
    /// </summary>
    public DocumentOutline? Card { get; init; }
}

/// <summary>A choice question as a form: <see cref="Key"/> identifies it when the form comes back.</summary>
public sealed record ReplyQuestion(string Key, string Prompt, bool Multi, IReadOnlyList<ReplyOption> Options);

/// <summary>An option of a form; the number is what the engine reads back.</summary>
public sealed record ReplyOption(int Number, string Label, bool Suggested);

/// <summary>A file of a reply: its id in the conversation's files, the name the user sees, its media type and size.</summary>
public sealed record ReplyAttachment(string FileId, string Name, string MediaType, long Length);

/// <summary>How a turn ended.</summary>
public enum TurnOutcome
{
    /// <summary>A question was answered and the answer stored.</summary>
    Answered,

    /// <summary>The material was submitted.</summary>
    Submitted,

    /// <summary>A clicked form belonged to an earlier question; nothing was taken.</summary>
    StaleClick,

    /// <summary>Anything else that was processed: a command, a greeting, a notice, an answer not taken.</summary>
    Other,

    /// <summary>The activity (or bot-initiated key) was processed before; nothing changed, the earlier replies are repeated.</summary>
    Duplicate,

    /// <summary>The store could not serve the turn; nothing was kept and the user is asked to try again.</summary>
    Unavailable,

    /// <summary>The turn ran past Conversations:TurnTimeout; what it stored is unknown to the caller, the user is told to check.</summary>
    TimedOut,

    /// <summary>Too many turns of this conversation are waiting; nothing ran. Channels answer 503 with Retry-After.</summary>
    Busy,

    /// <summary>A bot-initiated turn for a conversation the bot has never seen; nothing ran.</summary>
    Unknown,

    /// <summary>The sender is not the conversation's user; nothing ran and nothing was shown. Channels answer 403.</summary>
    Refused,
}

/// <summary>The replies of a turn, how it ended, and where the conversation can be reached now.</summary>
public sealed record TurnResult(IReadOnlyList<BotReply> Replies, TurnOutcome Outcome)
{
    public ConversationAddress? Address { get; init; }

    /// <summary>Whether the turn changed nothing because it had been processed before.</summary>
    public bool Duplicate => Outcome == TurnOutcome.Duplicate;

    public static TurnOutcome From(DialogOutcome outcome) => outcome switch
    {
        DialogOutcome.Answered => TurnOutcome.Answered,
        DialogOutcome.Submitted => TurnOutcome.Submitted,
        DialogOutcome.StaleClick => TurnOutcome.StaleClick,
        _ => TurnOutcome.Other,
    };
}
