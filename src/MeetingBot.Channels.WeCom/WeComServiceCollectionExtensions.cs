using MeetingBot.Conversations.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.WeCom;

public static class WeComServiceCollectionExtensions
{
    /// <summary>
    /// Registers the WeCom channel: <see cref="WeComOptions"/> (validated at start-up when
    /// WeCom:CorpId is set), the callback crypto, the API client with its token cache, the outbox and
    /// the messenger for bot-initiated messages. Needs the conversation pipeline.
    /// </summary>
    public static IServiceCollection AddWeComChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<WeComOptions>().Bind(configuration.GetSection(WeComOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeComOptions>, WeComOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<WeComOptions>>().Value;
            return new WeComCrypto(options.Token, options.EncodingAESKey, options.CorpId);
        });
        services.AddSingleton<WeComAccessTokens>();
        services.AddHttpClient<WeComApiClient>((provider, http) =>
            {
                var api = provider.GetRequiredService<IOptions<WeComOptions>>().Value.ApiBaseUrl;
                http.BaseAddress = new Uri(api.EndsWith('/') ? api : api + "/");
                http.Timeout = TimeSpan.FromSeconds(15);
            })
            // The default handlers log request URIs, which carry the access_token and, for gettoken, the secret.
            .RemoveAllLoggers();
        services.AddSingleton<WeComUserNames>();
        services.AddSingleton<WeComOutbox>();
        services.AddSingleton<WeComMessenger>();
        services.AddSingleton<IOutboundMessenger>(provider => provider.GetRequiredService<WeComMessenger>());
        services.AddSingleton<WeComCallbacks>();
        return services;
    }
}
