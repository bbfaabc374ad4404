namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// What a Bot Framework conversation's <see cref="Conversations.ConversationAddress"/> holds besides its ids
/// (docs/protocols.md B.6): the service URL to call, the bot's account in the conversation, the tenant,
/// whether the service URL came in an authenticated activity, and the bot's own base URL for file links.
/// </summary>
public static class BotFrameworkAddress
{
    public const string ServiceUrl = "serviceUrl";
    public const string BotId = "botId";
    public const string BotName = "botName";
    public const string TenantId = "tenantId";
    public const string Trusted = "trusted";
    public const string BaseUrl = "baseUrl";

    public static Conversations.ConversationAddress Create(
        string channelId, string conversationId, string userId, string serviceUrl, ChannelAccount? bot, string? tenantId, bool trusted, string baseUrl)
    {
        var address = new Conversations.ConversationAddress(channelId, conversationId, userId);
        address.Properties[ServiceUrl] = serviceUrl;
        address.Properties[BaseUrl] = baseUrl;
        Set(address, BotId, bot?.Id);
        Set(address, BotName, bot?.Name);
        Set(address, TenantId, tenantId);
        if (trusted)
        {
            address.Properties[Trusted] = "true";
        }

        return address;
    }

    /// <summary>An activity to the address, as the start of a bot-initiated message (docs/protocols.md B.6).</summary>
    public static Activity ActivityTo(Conversations.ConversationAddress address) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = address.ChannelId,
        ServiceUrl = address.Property(ServiceUrl),
        From = new ChannelAccount { Id = address.Property(BotId), Name = address.Property(BotName) },
        Recipient = new ChannelAccount { Id = address.UserId },
        Conversation = new ConversationAccount { Id = address.ConversationId, TenantId = address.Property(TenantId) },
    };

    private static void Set(Conversations.ConversationAddress address, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            address.Properties[name] = value;
        }
    }
}
