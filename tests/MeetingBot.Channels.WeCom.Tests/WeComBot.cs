using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Storage;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>
/// The real host on a loopback port with the WeCom channel on, set up by command-line settings as
/// an operator would, its ApiBaseUrl at a stand-in.
/// </summary>
public sealed class WeComBot : IAsyncDisposable
{
    private readonly RunningBot _bot;

    private WeComBot(RunningBot bot)
    {
        _bot = bot;
        var crypto = new WeComCrypto(WeComCryptoTests.Token, WeComCryptoTests.EncodingAesKey, WeComCryptoTests.CorpId);
        Sender = new WeComSender(bot.Http, crypto, bot.Services.GetRequiredService<TimeProvider>());
    }

    public HttpClient Http => _bot.Http;

    /// <summary>Posts callbacks the way WeCom does, encrypted and signed.</summary>
    public WeComSender Sender { get; }

    public IServiceProvider Services => _bot.Services;

    /// <summary>Completes when every turn and send that outlived its callback is done.</summary>
    public Task WhenIdleAsync() => Services.GetRequiredService<OutboundWork>().WhenIdleAsync();

    /// <param name="clock">The bot's clock; the system's unless given.</param>
    /// <param name="settings">More settings, e.g. "--WeCom:PassiveReplyBudget=00:00:00".</param>
    public static async Task<WeComBot> StartAsync(string databasePath, string apiBaseUrl, TimeProvider? clock, params string[] settings)
    {
        var wecom = WeComServices.Settings(apiBaseUrl).Select(s => $"--{s.Key}={s.Value}");
        var bot = await RunningBot.StartAsync(databasePath, [.. wecom, .. settings], builder =>
        {
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        return new WeComBot(bot);
    }

    /// <summary>The stored conversation of a member, or null when nothing was stored.</summary>
    public async Task<ConversationRecord?> ReadConversationAsync(string userId)
    {
        var key = ConversationKeys.State(WeComCallbacks.ChannelId, WeComCryptoTests.CorpId + ":" + userId);
        var stored = await Services.GetRequiredService<IDocumentStore>().ReadAsync(key, CancellationToken.None);
        return stored is null ? null : ConversationRecord.FromJson(stored.Body);
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();
}
