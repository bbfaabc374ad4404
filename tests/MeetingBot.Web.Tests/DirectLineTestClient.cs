using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.Channels.BotFramework;
using MeetingBot.Channels.DirectLine;
using MeetingBot.Conversations;
using MeetingBot.Dialogs.Bank;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>Talks to /v3/directline over real HTTP the way DirectLineJS does with webSocket:false (docs/protocols.md D.4).</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public const string Base = "/v3/directline";

    /// <summary>The real question bank, so tests find prompts and buttons without copying wording from dialogs/.</summary>
    public static QuestionBank Bank => Content.Value;

    private static readonly Lazy<QuestionBank> Content = new(() => ConversationServiceCollectionExtensions.LoadContent(new ContentOptions()).Catalog.Default);

    public HttpClient Http { get; } = http;

    /// <summary>A user id as the page makes one: dl_ and 32 random hex digits.</summary>
    public static string NewUserId() => "dl_" + Guid.NewGuid().ToString("N");

    public static string Prompt(string stepId) => Bank.StepsById[stepId].Prompt;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, Base + path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.Add("x-ms-bot-agent", "DirectLine/3.0 (directlinejs; tests)");
        return await Http.SendAsync(request);
    }

    public async Task<DirectLineConversation> GenerateTokenAsync(string userId)
    {
        using var response = await Http.PostAsJsonAsync(Base + "/tokens/generate", new { user = new { id = userId } });
        return await ReadAsync<DirectLineConversation>(response, HttpStatusCode.OK);
    }

    /// <summary>POST /conversations with the body DirectLineJS sends; returns the status (201 or 200) and the conversation.</summary>
    public async Task<(HttpStatusCode Status, DirectLineConversation Conversation)> StartAsync(string token, string userId)
    {
        using var response = await SendAsync(HttpMethod.Post, "/conversations", token, JsonContent.Create(new { user = new { id = userId }, locale = "zh-CN" }));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Start answered {response.StatusCode}");
        return (response.StatusCode, await ReadAsync<DirectLineConversation>(response, response.StatusCode));
    }

    public async Task<ActivitySet> GetActivitiesAsync(string conversationId, string token, string? watermark)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={Uri.EscapeDataString(watermark ?? "")}", token);
        return await ReadAsync<ActivitySet>(response, HttpStatusCode.OK);
    }

    /// <summary>Posts a message shaped like Web Chat's (D.5); returns the response, unread.</summary>
    public Task<HttpResponseMessage> PostMessageAsync(string conversationId, string token, string text, string clientActivityId, string fromId) =>
        SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, JsonContent.Create(WebChatMessage(text, clientActivityId, fromId)));

    public static Dictionary<string, object?> WebChatMessage(string text, string clientActivityId, string fromId) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["channelId"] = "webchat",
        ["from"] = new { id = fromId, role = "user" },
        ["locale"] = "zh-CN",
        ["localTimestamp"] = "2025-11-24T17:30:00.000+08:00",
        ["localTimezone"] = "Asia/Shanghai",
        ["attachments"] = Array.Empty<object>(),
        ["entities"] = new[] { new { type = "ClientCapabilities", requiresBotState = true, supportsListening = true, supportsTts = true } },
        ["channelData"] = new { clientActivityID = clientActivityId },
    };

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var value = await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web);
        Assert.NotNull(value);
        return value;
    }
}

/// <summary>One user's conversation as an open page holds it: its token and the watermark it polls with.</summary>
public sealed class DirectLineSession(DirectLineTestClient client, string userId, string conversationId, string token)
{
    private int _posts;

    public string UserId { get; } = userId;

    public string ConversationId { get; } = conversationId;

    public string Token { get; set; } = token;

    public string? Watermark { get; set; }

    /// <summary>Gets a token for the user (a new one by default) and starts the conversation, as the page does on load.</summary>
    public static async Task<(DirectLineSession Session, HttpStatusCode StartStatus)> OpenAsync(DirectLineTestClient client, string? userId = null)
    {
        userId ??= DirectLineTestClient.NewUserId();
        var token = await client.GenerateTokenAsync(userId);
        var (status, conversation) = await client.StartAsync(token.Token, userId);
        Assert.Equal(token.ConversationId, conversation.ConversationId);
        return (new DirectLineSession(client, userId, conversation.ConversationId, conversation.Token), status);
    }

    /// <summary>One poll: the activities after the current watermark; the watermark moves on as DirectLineJS moves it.</summary>
    public async Task<IReadOnlyList<Activity>> PollAsync()
    {
        var set = await client.GetActivitiesAsync(ConversationId, Token, Watermark);
        if (!string.IsNullOrEmpty(set.Watermark))
        {
            Watermark = set.Watermark;
        }

        return set.Activities;
    }

    /// <summary>Posts a message and returns what the next poll brings (the echo, then the replies: the channel records them before answering).</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string text)
    {
        using var response = await client.PostMessageAsync(ConversationId, Token, text, $"client-{++_posts}-{Guid.NewGuid():N}", UserId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PollAsync();
    }

    public static string BotText(IEnumerable<Activity> activities) =>
        string.Join("\n---\n", activities.Where(a => a.From?.Role == "bot").Select(a => a.Text));
}
