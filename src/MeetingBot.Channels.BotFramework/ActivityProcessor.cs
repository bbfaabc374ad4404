using MeetingBot.Conversations;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// Maps an inbound activity to a channel-neutral turn and the turn's replies back to activities
/// (protocols.md A.3, A.8). Activity types the bot does not handle produce no turn.
/// </summary>
public sealed class ActivityProcessor(TurnPipeline pipeline)
{
    /// <summary>Runs the turn; null when the activity is not one the bot acts on (it is acknowledged and ignored).</summary>
    public async Task<IReadOnlyList<Activity>?> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var input = ToTurnInput(activity);
        if (input is null)
        {
            return null;
        }

        var result = await pipeline.ProcessAsync(input, cancellationToken);
        return result.Replies.Select(reply => ToActivity(activity, reply)).ToArray();
    }

    /// <summary>Checks the fields every processed activity needs; returns what is wrong, or null.</summary>
    public static string? Validate(Activity activity) => activity switch
    {
        { Type: null or "" } => "type is required",
        { Type: ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate }
            when string.IsNullOrEmpty(activity.Conversation?.Id) => "conversation.id is required",
        { Type: ActivityTypes.Message } when string.IsNullOrEmpty(activity.From?.Id) => "from.id is required",
        _ => null,
    };

    private static TurnInput? ToTurnInput(Activity activity)
    {
        var kind = activity.Type switch
        {
            ActivityTypes.Message when !string.IsNullOrWhiteSpace(activity.Text) => TurnKind.Message,
            ActivityTypes.Message when activity.Attachments is { Count: > 0 } => TurnKind.Unsupported,
            ActivityTypes.ConversationUpdate when UserJoined(activity) is not null => TurnKind.ConversationStarted,
            ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade" => TurnKind.ConversationStarted,
            _ => (TurnKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        var user = kind == TurnKind.ConversationStarted && activity.Type == ActivityTypes.ConversationUpdate ? UserJoined(activity)! : activity.From!;
        return new TurnInput
        {
            ChannelId = activity.ChannelId ?? "",
            ConversationId = activity.Conversation!.Id!,
            UserId = user.Id ?? "",
            UserName = user.Name is { } name && name != user.Id ? name : null,
            ActivityId = activity.Id,
            Kind = kind.Value,
            Text = activity.Text ?? "",
        };
    }

    /// <summary>A member other than the bot itself joined (the bot's own arrival is not a user to greet).</summary>
    private static ChannelAccount? UserJoined(Activity activity) =>
        activity.MembersAdded?.FirstOrDefault(m => m.Id != activity.Recipient?.Id && m.Id is not null);

    private static Activity ToActivity(Activity inbound, BotReply reply) => new()
    {
        Type = ActivityTypes.Message,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation is { } c ? new ConversationAccount { Id = c.Id, Name = c.Name, TenantId = c.TenantId } : null,
        ReplyToId = inbound.Type == ActivityTypes.ConversationUpdate ? null : inbound.Id,
        ServiceUrl = inbound.ServiceUrl,
        ChannelId = inbound.ChannelId,
        Locale = inbound.Locale,
        Text = reply.Text,
        // Drafts are official prose, not Markdown: shown exactly as written, user text included.
        TextFormat = "plain",
        InputHint = reply.Choices.Count > 0 ? "expectingInput" : "acceptingInput",
        SuggestedActions = reply.Choices.Count > 0
            ? new SuggestedActions(reply.Choices.Select(c => new CardAction("imBack", c, c)).ToArray())
            : null,
    };
}
