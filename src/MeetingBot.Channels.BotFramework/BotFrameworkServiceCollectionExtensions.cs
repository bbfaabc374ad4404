using MeetingBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingBot.Channels.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Activity endpoint's services. The Bot Framework settings are read from the
    /// configuration root under the SDK's names and checked now, so a half-configured app id stops
    /// the start-up naming the missing setting.
    /// </summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.Get<BotFrameworkAuthOptions>() ?? new BotFrameworkAuthOptions();
        var problems = auth.Problems().ToArray();
        if (problems.Length > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        services.AddOptions<BotFrameworkAuthOptions>().Bind(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<InboundAuthenticator>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddSingleton<ActivityProcessor>();
        services.AddSingleton<BackgroundReplies>();
        services.AddHttpClient(nameof(InboundAuthenticator));
        services.AddHttpClient<ConnectorClient>();
        return services;
    }
}
