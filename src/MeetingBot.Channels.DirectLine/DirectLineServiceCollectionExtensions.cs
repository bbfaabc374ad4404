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
    /// <param name="access">Who gets tokens: the host decides, from its sign-in settings.</param>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services, IConfiguration configuration, DirectLineAccess access)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).PostConfigure(o => o.Access = access).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineKeys>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineKeys>());
        services.AddSingleton<SignInSessions>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationLogs>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<IOutboundMessenger, DirectLineMessenger>();
        return services;
    }
}
