using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.Channels.BotFramework.Authentication;
using MeetingBot.Meetings;
using MeetingBot.TestKit.Hosting;
using Microsoft.Identity.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests;

/// <summary>Starts the bot with MicrosoftAppId set, trusting the stand-in identity server for keys and tokens.</summary>
public static class AuthenticatedBot
{
    /// <param name="databasePath">The database to run on (a restart, a second instance); a fresh one unless given.</param>
    /// <param name="more">Further settings (Meetings:Admins…).</param>
    public static Task<RunningBot> StartAsync(StandInIdentityServer identity, string appId, string? databasePath = null, string[]? more = null)
    {
        string[] settings =
        [
            .. more ?? [],
            $"--MicrosoftAppId={appId}", "--MicrosoftAppPassword=stand-in-secret",
            $"--ToBotFromChannelOpenIdMetadataUrl={identity.ChannelMetadataUrl}",
            $"--ToBotFromEmulatorOpenIdMetadataUrl={identity.EmulatorMetadataUrl}",
            $"--ToChannelFromBotLoginUrl={identity.LoginUrl}",
        ];
        void Trusting(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
        {
            builder.Services.AddHttpClient(nameof(InboundAuthenticator)).ConfigurePrimaryHttpMessageHandler(identity.TrustingHandler);
            builder.Services.AddSingleton<IMsalHttpClientFactory>(_ => new TrustingMsalHttpClientFactory(identity));
        }

        return databasePath is null ? RunningBot.StartAsync(settings, Trusting) : RunningBot.StartAsync(databasePath, settings, Trusting);
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
    /// <param name="from">The sender (channel and user id); user-{conversation} on the test channel unless given.</param>
    public static Dictionary<string, object?> Message(
        string text, string conversationId, string id, string? serviceUrl = null, string? deliveryMode = "expectReplies", ChannelIdentity? from = null, string name = "张明") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = from?.ChannelId ?? "test",
        ["serviceUrl"] = serviceUrl ?? "http://127.0.0.1:9/",
        ["from"] = new { id = from?.UserId ?? "user-" + conversationId, name },
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
