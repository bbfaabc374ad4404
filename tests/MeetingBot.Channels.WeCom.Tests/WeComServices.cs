using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>The channel's services on a fake clock, talking to a stand-in WeCom API, without a host.</summary>
public sealed class WeComServices : IAsyncDisposable
{
    public const string Secret = "stand-in-secret";
    public const int AgentId = 218;

    private readonly ServiceProvider _provider;

    private WeComServices(StandInWeComApi api, ServiceProvider provider, TimerWatchingTimeProvider time)
    {
        Api = api;
        _provider = provider;
        Time = time;
    }

    public StandInWeComApi Api { get; }

    public TimerWatchingTimeProvider Time { get; }

    public WeComApiClient Client => _provider.GetRequiredService<WeComApiClient>();

    public WeComOutbox Outbox => _provider.GetRequiredService<WeComOutbox>();

    public OutboundWork Background => _provider.GetRequiredService<OutboundWork>();

    public static async Task<WeComServices> StartAsync()
    {
        var api = await StandInWeComApi.StartAsync(WeComCryptoTests.CorpId, Secret);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(api.BaseUrl)).Build();
        var time = new TimerWatchingTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        // The outbox runs its sends as the pipeline's background work.
        services.AddOptions<ConversationOptions>();
        services.AddSingleton<OutboundWork>();
        services.AddWeComChannel(configuration);
        return new WeComServices(api, services.BuildServiceProvider(), time);
    }

    /// <summary>The channel's settings for the official test vector's corp and keys (docs/protocols.md E.11).</summary>
    public static Dictionary<string, string?> Settings(string apiBaseUrl) => new()
    {
        ["WeCom:CorpId"] = WeComCryptoTests.CorpId,
        ["WeCom:AgentId"] = AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["WeCom:Secret"] = Secret,
        ["WeCom:Token"] = WeComCryptoTests.Token,
        ["WeCom:EncodingAESKey"] = WeComCryptoTests.EncodingAesKey,
        ["WeCom:ApiBaseUrl"] = apiBaseUrl,
    };

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Api.DisposeAsync();
    }
}
