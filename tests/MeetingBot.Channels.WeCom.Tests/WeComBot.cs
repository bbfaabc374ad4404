using MeetingBot.Conversations;
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
        Sender = new WeComSender(bot.Http, new WeComCrypto(WeComCryptoTests.Token, WeComCryptoTests.EncodingAesKey, WeComCryptoTests.CorpId));
    }

    public HttpClient Http => _bot.Http;

    /// <summary>Posts callbacks the way WeCom does, encrypted and signed.</summary>
    public WeComSender Sender { get; }

    public IServiceProvider Services => _bot.Services;

    /// <summary>Completes when every turn and send that outlived its callback is done.</summary>
    public Task WhenIdleAsync() => Services.GetRequiredService<WeComBackgroundWork>().WhenIdleAsync();

    /// <param name="settings">More settings, e.g. "--WeCom:PassiveReplyBudget=00:00:00".</param>
    public static async Task<WeComBot> StartAsync(string databasePath, string apiBaseUrl, params string[] settings)
    {
        var wecom = WeComServices.Settings(apiBaseUrl).Select(s => $"--{s.Key}={s.Value}");
        return new WeComBot(await RunningBot.StartAsync(databasePath, [.. wecom, .. settings]));
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
