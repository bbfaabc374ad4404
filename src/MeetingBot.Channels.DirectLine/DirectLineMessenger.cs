using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// Bot-initiated messages to Web Chat. The page pulls, so the replies wait in the store and reach it
/// on its next poll, whichever instance serves that poll (<see cref="DirectLineConversations.ReadAsync"/>).
/// </summary>
public sealed class DirectLineMessenger(PendingReplies pending) : IOutboundMessenger
{
    public string? ChannelId => DirectLineConversations.ChannelId;

    public Task DeliverAsync(ConversationAddress address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken) =>
        pending.AddAsync(address, replies, cancellationToken);
}
