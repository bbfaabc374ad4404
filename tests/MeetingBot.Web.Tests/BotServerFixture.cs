using Xunit;

using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Web.Tests;

/// <summary>An xunit class fixture: one running bot, with a database of its own, shared by the tests of a class.</summary>
public sealed class BotServerFixture : IAsyncLifetime
{
    private RunningBot? _bot;

    public RunningBot Bot => _bot ?? throw new InvalidOperationException("The host is not started.");

    public Uri BaseAddress => Bot.Address;

    public IServiceProvider Services => Bot.Services;

    public HttpClient CreateClient() => Bot.CreateClient();

    public async Task InitializeAsync() => _bot = await RunningBot.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }
}
