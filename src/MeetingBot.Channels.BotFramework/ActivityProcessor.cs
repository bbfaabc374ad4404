using System.Text.Json;
using System.Text.RegularExpressions;
using MeetingBot.Channels.BotFramework.Teams;
using MeetingBot.Conversations;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Meetings;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// Maps an inbound activity to a channel-neutral turn (docs/protocols.md A.3) and runs it, with what
/// Teams adds: card submits and adaptiveCard/action invokes read back as answers, the answered card
/// made read-only, mentions in group chats. The turn's replies become activities through
/// <see cref="ReplyActivities"/>.
/// </summary>
public sealed partial class ActivityProcessor(TurnPipeline pipeline, ReplyRenderer renderer, ReplyActivities replyActivities, QuestionBankCatalog catalog)
{
    /// <summary>
    /// The longest id accepted (activity, conversation, sender). Ids are remembered in the stored
    /// conversation to recognise repeats, so their size is bounded; channels' ids are far shorter.
    /// </summary>
    public const int MaxIdLength = 512;

    // A name from the channel is kept only where a typed one would be (the name question's own limit).
    private readonly int _maxUserNameLength = catalog.Default.Steps.FirstOrDefault(s => s.Role == ProfileRoles.Name)?.MaxLength ?? DialogEngine.MaxAnswerLength;

    /// <summary>Runs the turn; null when the activity is not one the bot acts on (it is acknowledged and ignored).</summary>
    /// <param name="trusted">The activity came with a valid channel token, so its service URL may be called later.</param>
    /// <param name="baseUrl">The bot's own address as the channel reached it (scheme, host and path base), for links to files.</param>
    /// <param name="turnId">What makes a repeat of the activity recognisable (the pipeline runs it once); its id unless the channel knows better.</param>
    /// <param name="account">Who the user is as rosters name them, when the channel knows better than the activity (a signed-in web user).</param>
    public async Task<ActivityTurn?> RunAsync(Activity activity, bool trusted, string baseUrl, CancellationToken cancellationToken, string? turnId = null, ChannelIdentity? account = null)
    {
        var submission = CardSubmission.From(activity.Type == ActivityTypes.Invoke ? ActionData(activity.Value) : activity.Value);
        var input = ToTurnInput(activity, submission, trusted, baseUrl, turnId ?? activity.Id, account);
        if (input is null)
        {
            return null;
        }

        var result = await pipeline.ProcessAsync(input, cancellationToken);
        var replies = await replyActivities.ToActivitiesAsync(ReplyTo(activity), baseUrl, result.Replies, cancellationToken);
        var answered = submission is not null && result.Outcome is TurnOutcome.Answered or TurnOutcome.Submitted
            ? AdaptiveCards.Answered(submission.Prompt, renderer.RenderMessage(MessageKeys.CardAnswered, new Dictionary<string, object?> { ["answer"] = submission.AnswerLabels }))
            : null;
        return new ActivityTurn(replies, answered, result.Outcome);
    }

    /// <summary>Checks the fields every processed activity needs; returns what is wrong, or null.</summary>
    public static string? Validate(Activity activity) => activity switch
    {
        { Type: null or "" } => "type is required",
        { Type: ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke }
            when string.IsNullOrEmpty(activity.Conversation?.Id) => "conversation.id is required",
        { Type: ActivityTypes.Message } when string.IsNullOrEmpty(activity.From?.Id) => "from.id is required",
        _ when activity.Id?.Length > MaxIdLength || activity.Conversation?.Id?.Length > MaxIdLength || activity.From?.Id?.Length > MaxIdLength
            => $"id, conversation.id and from.id may have at most {MaxIdLength} characters",
        _ => null,
    };

    /// <summary>A message addressed back to the sender of <paramref name="inbound"/> (docs/protocols.md A.8).</summary>
    public static Activity ReplyTo(Activity inbound) => new()
    {
        Type = ActivityTypes.Message,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation is { } c ? new ConversationAccount { Id = c.Id, Name = c.Name, TenantId = c.TenantId } : null,
        ReplyToId = inbound.Type is ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate ? null : inbound.Id,
        ServiceUrl = inbound.ServiceUrl,
        ChannelId = inbound.ChannelId,
        Locale = inbound.Locale,
    };

    private TurnInput? ToTurnInput(Activity activity, CardSubmission? submission, bool trusted, string baseUrl, string? turnId, ChannelIdentity? account)
    {
        var group = activity.Conversation?.IsGroup == true || activity.Conversation?.ConversationType is "groupChat" or "channel";
        var text = Mentions().Replace(activity.Text ?? "", "").Trim();
        TurnKind? kind = activity.Type switch
        {
            ActivityTypes.Message when group => MentionsBot(activity) ? TurnKind.GroupMention : null,
            ActivityTypes.Message when submission is not null || text.Length > 0 => TurnKind.Message,
            ActivityTypes.Message when activity.Attachments is { Count: > 0 } => TurnKind.Unsupported,
            // Only spaces (U+3000 too): an empty answer, which the engine asks again.
            ActivityTypes.Message when activity.Text is { Length: > 0 } => TurnKind.Message,
            ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction && submission is not null && !group => TurnKind.Message,
            ActivityTypes.ConversationUpdate when !group && UserJoined(activity) is not null => TurnKind.ConversationStarted,
            ActivityTypes.InstallationUpdate when !group && activity.Action is "add" or "add-upgrade" => TurnKind.ConversationStarted,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var user = activity.Type == ActivityTypes.ConversationUpdate ? UserJoined(activity)! : activity.From ?? new ChannelAccount();
        var channelId = activity.ChannelId ?? "";
        var conversationId = activity.Conversation!.Id!;
        return new TurnInput
        {
            ChannelId = channelId,
            ConversationId = conversationId,
            UserId = user.Id ?? "",
            UserName = user.Name is { Length: > 0 } name && name.Length <= _maxUserNameLength && name != user.Id ? name : null,
            // Teams names people by their Entra ID object id, which is what an administrator can look up.
            Account = account ?? (channelId == ActivityTypes.MsTeams && user.AadObjectId is { Length: > 0 } objectId ? new ChannelIdentity(channelId, objectId) : null),
            ActivityId = turnId,
            Kind = kind.Value,
            Text = submission?.Text ?? text,
            QuestionKey = submission?.QuestionKey,
            Address = activity.ServiceUrl is { } serviceUrl
                ? BotFrameworkAddress.Create(channelId, conversationId, user.Id ?? "", serviceUrl, activity.Recipient, activity.Conversation.TenantId ?? TenantOf(activity), trusted, baseUrl)
                : null,
        };
    }

    /// <summary>A member other than the bot itself joined (the bot's own arrival is not a user to greet).</summary>
    private static ChannelAccount? UserJoined(Activity activity) =>
        activity.MembersAdded?.FirstOrDefault(m => m.Id != activity.Recipient?.Id && m.Id is not null);

    private static bool MentionsBot(Activity activity) =>
        activity.Entities?.Any(e => e.TryGetProperty("type", out var type) && type.GetString() == "mention"
            && e.TryGetProperty("mentioned", out var mentioned) && mentioned.TryGetProperty("id", out var id)
            && id.GetString() == activity.Recipient?.Id) == true;

    private static string? TenantOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tenant", out var tenant)
        && tenant.TryGetProperty("id", out var id) ? id.GetString() : null;

    /// <summary>adaptiveCard/action carries the card's data under value.action.data (docs/protocols.md A.7).</summary>
    private static JsonElement? ActionData(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var action) && action.TryGetProperty("data", out var data) ? data : null;

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.Singleline)]
    private static partial Regex Mentions();
}

/// <summary>
/// A processed activity: the replies, how the turn ended, and when a card was answered, that card in
/// its read-only form (to replace the clicked card, or to answer the invoke).
/// </summary>
public sealed record ActivityTurn(IReadOnlyList<Activity> Replies, System.Text.Json.Nodes.JsonObject? AnsweredCard, TurnOutcome Outcome);
