using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.Channels.BotFramework.Authentication;
using MeetingBot.TestKit;
using Microsoft.Identity.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests;

/// <summary>The real host on Kestrel on a loopback port, with its embedded store in a temp folder.</summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private TempFolder? _ownedFolder;

    private RunningBot(WebApplication app, Uri address, HttpClient http)
    {
        _app = app;
        Address = address;
        Http = http;
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A client of its own, for tests that hold several at once.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address };

    /// <summary>Starts a bot on a database of its own, deleted when the bot is disposed.</summary>
    public static async Task<RunningBot> StartAsync()
    {
        var folder = new TempFolder();
        var bot = await StartAsync(folder.File("bot.db"));
        bot._ownedFolder = folder;
        return bot;
    }

    /// <summary>Starts a bot with MicrosoftAppId set, trusting the stand-in identity server for keys and tokens.</summary>
    public static async Task<RunningBot> StartAuthenticatedAsync(StandInIdentityServer identity, string appId)
    {
        var folder = new TempFolder();
        string[] settings =
        [
            $"--MicrosoftAppId={appId}", "--MicrosoftAppPassword=stand-in-secret",
            $"--ToBotFromChannelOpenIdMetadataUrl={identity.ChannelMetadataUrl}",
            $"--ToBotFromEmulatorOpenIdMetadataUrl={identity.EmulatorMetadataUrl}",
            $"--ToChannelFromBotLoginUrl={identity.LoginUrl}",
        ];
        var bot = await StartAsync(folder.File("bot.db"), settings, builder =>
        {
            builder.Services.AddHttpClient(nameof(InboundAuthenticator)).ConfigurePrimaryHttpMessageHandler(identity.TrustingHandler);
            builder.Services.AddSingleton<IMsalHttpClientFactory>(_ => new TrustingMsalHttpClientFactory(identity));
        });
        bot._ownedFolder = folder;
        return bot;
    }

    public static async Task<RunningBot> StartAsync(string databasePath, string[]? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var app = MeetingBotHost.Build(["--urls=http://127.0.0.1:0", $"--Storage:Embedded:Path={databasePath}", "--Logging:LogLevel:Default=Warning", .. settings ?? []], configure);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new RunningBot(app, address, new HttpClient { BaseAddress = address });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ownedFolder?.Dispose();
    }
}

/// <summary>MSAL's HTTP client for the stand-in token endpoint, whose certificate is made by the test.</summary>
internal sealed class TrustingMsalHttpClientFactory(StandInIdentityServer identity) : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new(identity.TrustingHandler());

    public HttpClient GetHttpClient() => _client;

    public void Dispose() => _client.Dispose();
}

/// <summary>Builds Bot Framework activities the way a channel sends them.</summary>
public static class Activities
{
    public static Dictionary<string, object?> Message(string text, string conversationId, string id, string? serviceUrl = null, string? deliveryMode = "expectReplies") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "test",
        ["serviceUrl"] = serviceUrl ?? "http://127.0.0.1:9/",
        ["from"] = new { id = "user-" + conversationId, name = "张明" },
        ["recipient"] = new { id = "bot", name = "MeetingBot" },
        ["conversation"] = new { id = conversationId },
        ["text"] = text,
        ["deliveryMode"] = deliveryMode,
        ["locale"] = "zh-CN",
    };

    /// <summary>Posts an activity with expectReplies and returns the reply texts.</summary>
    public static async Task<string[]> ExchangeAsync(this HttpClient http, object activity)
    {
        using var response = await http.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();
    }
}
