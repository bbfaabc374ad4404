using MeetingBot.Channels.BotFramework.Authentication;
using MeetingBot.Conversations.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MeetingBot.Channels.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Activity endpoint's services and the Connector messenger. The Bot Framework
    /// settings are read from the configuration root under the SDK's names and checked now, so a
    /// half-configured app id or an unknown app type stops the start-up naming the setting. Without an
    /// app id, activities without a token are accepted only in the Development environment or with
    /// the development bypass set, and the start-up says so.
    /// </summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var auth = configuration.Get<BotFrameworkAuthOptions>() ?? new BotFrameworkAuthOptions();
        var problems = auth.Problems().ToArray();
        if (problems.Length > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        var anonymous = auth.AuthenticationDisabled
            && (environment.IsDevelopment() || configuration.GetValue<bool>(BotFrameworkAuthOptions.DevelopmentBypassKey));
        services.AddOptions<BotFrameworkAuthOptions>().Bind(configuration).PostConfigure(o => o.AnonymousAllowed = anonymous);
        services.AddHostedService<AuthenticationModeReport>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<InboundAuthenticator>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddSingleton<ReplyActivities>();
        services.AddSingleton<ActivityProcessor>();
        services.AddSingleton<IOutboundMessenger, BotFrameworkMessenger>();
        services.AddHttpClient(nameof(InboundAuthenticator));
        services.AddHttpClient<ConnectorClient>();
        return services;
    }
}
