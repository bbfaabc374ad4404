using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.TestKit;
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

    /// <summary>Starts a bot on a database of its own, deleted when the bot is disposed.</summary>
    public static async Task<RunningBot> StartAsync()
    {
        var folder = new TempFolder();
        var bot = await StartAsync(folder.File("bot.db"));
        bot._ownedFolder = folder;
        return bot;
    }

    public static async Task<RunningBot> StartAsync(string databasePath, params string[] settings)
    {
        var app = MeetingBotHost.Build(["--urls=http://127.0.0.1:0", $"--Storage:Embedded:Path={databasePath}", .. settings]);
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
