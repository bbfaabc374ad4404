using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>A test class whose every test gets its own stand-in WeCom API and its own bot, started before it and stopped after.</summary>
public abstract class WeComHostTest : IAsyncLifetime
{
    protected WeComStandIns StandIns { get; private set; } = null!;

    /// <summary>The bot under test; a test may replace it with one started on the same database (a restart).</summary>
    protected WeComBot Bot { get; set; } = null!;

    public async Task InitializeAsync()
    {
        StandIns = await WeComStandIns.StartAsync();
        Bot = await StandIns.StartBotAsync();
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await StandIns.DisposeAsync();
    }
}
