using Microsoft.Extensions.Logging;

namespace MeetingBot.Conversations.Outbound;

/// <summary>What became of a bot-initiated turn.</summary>
public enum DeliveryResult
{
    /// <summary>The replies were handed to the conversation's channel.</summary>
    Delivered,

    /// <summary>The key was run before: nothing was sent again.</summary>
    AlreadyDelivered,

    /// <summary>The bot has no address for the conversation, or no channel that reaches it.</summary>
    Unreachable,

    /// <summary>The store or the turn failed; nothing was kept and nothing sent. Try again later with the same key.</summary>
    Failed,
}

/// <summary>
/// Turns the bot starts (a reminder, a notification): run through the pipeline like any turn, so the
/// key goes through the same exactly-once memory as a redelivered activity, then delivered to the
/// conversation's stored address by its channel's messenger. Running one key twice sends once.
/// </summary>
public sealed class BotInitiatedTurns(TurnPipeline pipeline, OutboundMessengers messengers, ILogger<BotInitiatedTurns> logger)
{
    /// <param name="key">The idempotency key: the same key is delivered at most once per conversation.</param>
    /// <param name="redeliver">
    /// When the key was run before and its replies are still the conversation's last, deliver them
    /// again: for a caller that keeps its own record of what was delivered (a reminder's claim) and
    /// runs the key again only because the delivery failed or was cut short.
    /// </param>
    public async Task<DeliveryResult> RunAsync(string channelId, string conversationId, string key, Notice notice, CancellationToken cancellationToken, bool redeliver = false)
    {
        var result = await pipeline.ProcessAsync(
            new TurnInput { ChannelId = channelId, ConversationId = conversationId, UserId = "", ActivityId = key, Kind = TurnKind.Notification, Notice = notice },
            cancellationToken);
        switch (result.Outcome)
        {
            case TurnOutcome.Duplicate when !redeliver || result.Replies.Count == 0:
                return DeliveryResult.AlreadyDelivered;
            case TurnOutcome.Unknown:
                return DeliveryResult.Unreachable;
            case TurnOutcome.Unavailable or TurnOutcome.TimedOut or TurnOutcome.Busy:
                return DeliveryResult.Failed;
        }

        if (result.Address is not { } address || messengers.For(address.ChannelId) is not { } messenger)
        {
            Log.NotificationUnreachable(logger, channelId);
            return DeliveryResult.Unreachable;
        }

        await messenger.DeliverAsync(address, result.Replies, cancellationToken);
        return DeliveryResult.Delivered;
    }
}
