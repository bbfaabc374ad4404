using System.Text.Json;
using System.Text.RegularExpressions;
using MeetingBot.Channels.BotFramework.Teams;
using MeetingBot.Conversations;
using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// Maps an inbound activity to a channel-neutral turn and the turn's replies back to activities
/// (protocols.md A.3, A.8), with what Teams adds: choice questions as Adaptive Cards, card submits
/// and adaptiveCard/action invokes read back as answers, the answered card made read-only, mentions
/// in group chats, a typing indicator before a draft and long texts split.
/// </summary>
public sealed partial class ActivityProcessor(TurnPipeline pipeline, ReplyRenderer renderer)
{
    /// <summary>Longest text in one message; Teams allows about 100 KB per message counted as UTF-16 (B.5).</summary>
    public const int MaxMessageChars = 20_000;

    /// <summary>Runs the turn; null when the activity is not one the bot acts on (it is acknowledged and ignored).</summary>
    public async Task<IReadOnlyList<Activity>?> ProcessAsync(Activity activity, CancellationToken cancellationToken) =>
        (await RunAsync(activity, cancellationToken))?.Replies;

    /// <summary>Runs the turn with everything a Bot Framework channel needs besides the replies.</summary>
    public async Task<ActivityTurn?> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        var submission = CardSubmission.From(activity.Type == ActivityTypes.Invoke ? ActionData(activity.Value) : activity.Value);
        var input = ToTurnInput(activity, submission);
        if (input is null)
        {
            return null;
        }

        var result = await pipeline.ProcessAsync(input, cancellationToken);
        var teams = activity.ChannelId == ActivityTypes.MsTeams;
        var replies = new List<Activity>();
        if (teams && result.Replies.Any(r => r.IsDraft))
        {
            replies.Add(Reply(activity) with { Type = ActivityTypes.Typing });
        }

        replies.AddRange(result.Replies.SelectMany(reply => ToActivities(activity, reply, teams)));
        var answered = submission is not null && !result.StaleCard && !result.Duplicate
            ? AdaptiveCards.Answered(submission.Prompt, renderer.RenderMessage(MessageKeys.CardAnswered, new Dictionary<string, object?> { ["answer"] = submission.AnswerLabels }))
            : null;
        return new ActivityTurn(replies, answered);
    }

    /// <summary>Checks the fields every processed activity needs; returns what is wrong, or null.</summary>
    public static string? Validate(Activity activity) => activity switch
    {
        { Type: null or "" } => "type is required",
        { Type: ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke }
            when string.IsNullOrEmpty(activity.Conversation?.Id) => "conversation.id is required",
        { Type: ActivityTypes.Message } when string.IsNullOrEmpty(activity.From?.Id) => "from.id is required",
        _ => null,
    };

    /// <summary>A message addressed back to the sender of <paramref name="inbound"/> (protocols.md A.8).</summary>
    public static Activity Reply(Activity inbound) => new()
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

    private static TurnInput? ToTurnInput(Activity activity, CardSubmission? submission)
    {
        var group = activity.Conversation?.IsGroup == true || activity.Conversation?.ConversationType is "groupChat" or "channel";
        var text = Mentions().Replace(activity.Text ?? "", "").Trim();
        TurnKind? kind = activity.Type switch
        {
            ActivityTypes.Message when group => MentionsBot(activity) ? TurnKind.GroupMention : null,
            ActivityTypes.Message when submission is not null || text.Length > 0 => TurnKind.Message,
            ActivityTypes.Message when activity.Attachments is { Count: > 0 } => TurnKind.Unsupported,
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
        return new TurnInput
        {
            ChannelId = activity.ChannelId ?? "",
            ConversationId = activity.Conversation!.Id!,
            UserId = user.Id ?? "",
            UserName = user.Name is { } name && name != user.Id ? name : null,
            ActivityId = activity.Id,
            Kind = kind.Value,
            Text = submission?.Text ?? text,
            QuestionKey = submission?.QuestionKey,
            Reference = activity.ServiceUrl is { } serviceUrl ? new ConversationReference(serviceUrl, activity.Recipient?.Id, activity.Conversation.TenantId ?? TenantOf(activity)) : null,
        };
    }

    private IEnumerable<Activity> ToActivities(Activity inbound, BotReply reply, bool teams)
    {
        // Teams shows a question with choices as a form; text and card go in separate activities there (A.5).
        if (teams && reply.Question is { } question)
        {
            var submit = renderer.RenderMessage(MessageKeys.CardSubmit, new Dictionary<string, object?>());
            yield return Reply(inbound) with { Attachments = [AdaptiveCards.Attachment(AdaptiveCards.Question(question, submit))], InputHint = "expectingInput" };
            yield break;
        }

        var parts = Split(reply.Text, MaxMessageChars);
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            yield return Reply(inbound) with
            {
                Text = parts[i],
                // Drafts are official prose, not Markdown: shown exactly as written, user text included.
                TextFormat = "plain",
                InputHint = last && reply.Choices.Count > 0 ? "expectingInput" : "acceptingInput",
                SuggestedActions = last && reply.Choices.Count > 0
                    ? new SuggestedActions(reply.Choices.Select(c => new CardAction("imBack", c, c)).ToArray())
                    : null,
            };
        }
    }

    /// <summary>Splits a long text at line breaks (or, for a line longer than the limit, inside it) keeping every character.</summary>
    public static IReadOnlyList<string> Split(string text, int maxChars)
    {
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxChars)
        {
            var cut = rest[..maxChars].LastIndexOf('\n') + 1;
            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(rest[maxChars - 1]) ? maxChars - 1 : maxChars;
            }

            parts.Add(rest[..cut].ToString());
            rest = rest[cut..];
        }

        parts.Add(rest.ToString());
        return parts;
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

    /// <summary>adaptiveCard/action carries the card's data under value.action.data (A.7).</summary>
    private static JsonElement? ActionData(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var action) && action.TryGetProperty("data", out var data) ? data : null;

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.Singleline)]
    private static partial Regex Mentions();
}

/// <summary>
/// A processed activity: the replies, and when a card was answered, that card in its read-only
/// form (to replace the clicked card, or to answer the invoke).
/// </summary>
public sealed record ActivityTurn(IReadOnlyList<Activity> Replies, System.Text.Json.Nodes.JsonObject? AnsweredCard);
