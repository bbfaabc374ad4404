namespace MeetingBot.Conversations.Outbound;

/// <summary>
/// Delivers replies to a conversation without being asked: one per channel, registered by the
/// channel. It is how bot-initiated turns and replies that outlive their request leave the bot.
/// </summary>
public interface IOutboundMessenger
{
    /// <summary>The channel this messenger serves; null for the one that serves every channel without its own (the Bot Framework Connector).</summary>
    string? ChannelId { get; }

    /// <summary>Delivers the replies in order; throws when the channel refused them for good.</summary>
    Task DeliverAsync(ConversationAddress address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken);
}

/// <summary>The messengers of the registered channels, by channel id.</summary>
public sealed class OutboundMessengers(IEnumerable<IOutboundMessenger> messengers)
{
    private readonly IOutboundMessenger[] _messengers = messengers.ToArray();

    /// <summary>The messenger for a channel, or null when no registered channel can reach it.</summary>
    public IOutboundMessenger? For(string channelId) =>
        _messengers.FirstOrDefault(m => m.ChannelId == channelId) ?? _messengers.FirstOrDefault(m => m.ChannelId is null);
}
