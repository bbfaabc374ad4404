using MeetingBot.Conversations.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the local Direct Line channel: <see cref="DirectLineOptions"/> (validated at start-up),
    /// the stored signing key (loaded at start-up), tokens, the in-memory conversation logs, the
    /// in-process bot turn and the messenger for bot-initiated messages. Needs the Bot Framework channel
    /// (its Activity processing) and the conversation pipeline.
    /// </summary>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineKeys>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineKeys>());
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationLogs>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<IOutboundMessenger, DirectLineMessenger>();
        return services;
    }
}
