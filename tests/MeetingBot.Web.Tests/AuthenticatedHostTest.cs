using MeetingBot.TestKit.Hosting;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// A test class whose every test gets the stand-in identity server, a stand-in Connector that
/// requires the bot's token, and a bot with MicrosoftAppId set, all started before it and stopped after.
/// </summary>
public abstract class AuthenticatedHostTest : IAsyncLifetime
{
    protected const string AppId = "11111111-2222-3333-4444-555555555555";

    protected StandInIdentityServer Identity { get; private set; } = null!;

    protected StandInConnector Connector { get; private set; } = null!;

    protected RunningBot Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Identity = await StandInIdentityServer.StartAsync();
        Connector = await StandInConnector.StartAsync();
        Connector.RequiredToken = StandInIdentityServer.IssuedAccessToken;
        Bot = await AuthenticatedBot.StartAsync(Identity, AppId);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
