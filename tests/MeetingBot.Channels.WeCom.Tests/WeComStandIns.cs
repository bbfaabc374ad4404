using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>What a host test needs around the bot: a stand-in WeCom API and a database folder, both kept across restarts.</summary>
public sealed class WeComStandIns : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    private WeComStandIns(StandInWeComApi api) => Api = api;

    public StandInWeComApi Api { get; }

    public string DatabasePath => _folder.File("bot.db");

    public static async Task<WeComStandIns> StartAsync() =>
        new(await StandInWeComApi.StartAsync(WeComCryptoTests.CorpId, WeComServices.Secret));

    /// <summary>A bot on this database, its WeCom API at the stand-in; each call is a new instance (a restart, or a second one).</summary>
    public Task<WeComBot> StartBotAsync(params string[] settings) => WeComBot.StartAsync(DatabasePath, Api.BaseUrl, clock: null, settings);

    /// <summary>A bot whose clock is <paramref name="clock"/>, e.g. one set to the time of a recorded callback.</summary>
    public Task<WeComBot> StartBotAsync(TimeProvider clock, params string[] settings) => WeComBot.StartAsync(DatabasePath, Api.BaseUrl, clock, settings);

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        _folder.Dispose();
    }
}
