using MeetingBot.Channels.BotFramework;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the local Direct Line channel: <see cref="DirectLineOptions"/> (validated at start-up),
    /// the stored signing key (loaded at start-up), tokens, the in-memory conversation logs, and the
    /// in-process bot turn. Needs the conversation pipeline and the document store.
    /// </summary>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActivityProcessor>();
        services.AddSingleton<DirectLineKeys>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineKeys>());
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationLogs>();
        services.AddSingleton<DirectLineConversations>();
        return services;
    }
}
