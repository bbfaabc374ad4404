using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Channels.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services)
    {
        services.AddSingleton<ActivityProcessor>();
        services.AddHttpClient<ConnectorClient>();
        return services;
    }
}
