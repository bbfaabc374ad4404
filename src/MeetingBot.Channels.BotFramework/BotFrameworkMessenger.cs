using MeetingBot.Channels.BotFramework.Authentication;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// Bot-initiated messages through the Bot Framework Connector (docs/protocols.md B.6): activities to
/// the stored address, posted to its conversation. A service URL stored from an authenticated
/// activity is trusted again here, so a send after a restart is not refused. Serves every channel
/// that has no messenger of its own (Teams, the Emulator).
/// </summary>
public sealed class BotFrameworkMessenger(IServiceProvider services, TrustedServiceUrls trusted, ReplyActivities replyActivities) : IOutboundMessenger
{
    public string? ChannelId => null;

    public async Task DeliverAsync(ConversationAddress address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        if (address.Property(BotFrameworkAddress.ServiceUrl) is not { } serviceUrl)
        {
            throw new InvalidOperationException("The conversation's address has no service URL; nothing was sent.");
        }

        if (address.Property(BotFrameworkAddress.Trusted) == "true")
        {
            trusted.Trust(serviceUrl);
        }

        var activities = await replyActivities.ToActivitiesAsync(
            BotFrameworkAddress.ActivityTo(address), address.Property(BotFrameworkAddress.BaseUrl) ?? "", replies, cancellationToken);
        // Typed HTTP clients are transient: a fresh one per delivery, never one held by this singleton.
        var connector = services.GetRequiredService<ConnectorClient>();
        foreach (var activity in activities)
        {
            await connector.SendAsync(activity, cancellationToken);
        }
    }
}
