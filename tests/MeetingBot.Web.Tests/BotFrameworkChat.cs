using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.TestKit.Meetings;

namespace MeetingBot.Web.Tests;

/// <summary>
/// People talking to the running bot over /api/messages with expectReplies, each in a conversation of
/// their own on the channel of their account; files are downloaded from the links the replies carry.
/// With <paramref name="token"/>, every activity carries the channel's token for its service URL.
/// </summary>
public sealed class BotFrameworkChat(HttpClient http, string serviceUrl = "http://127.0.0.1:9/", Func<string, string>? token = null) : IMeetingChat
{
    private int _activities;

    public async Task<ChatReply> SayAsync(string account, string name, string text)
    {
        var from = PipelineChat.Account(account);
        var activity = Activities.Message(text, "conversation-" + from.UserId, $"a{Interlocked.Increment(ref _activities)}", serviceUrl, from: from, name: name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token(serviceUrl));
        }

        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var replies = body.RootElement.GetProperty("activities").EnumerateArray().ToArray();
        var files = new List<ChatFile>();
        foreach (var file in replies.Where(r => r.TryGetProperty("attachments", out _)).SelectMany(r => r.GetProperty("attachments").EnumerateArray()))
        {
            if (file.TryGetProperty("contentUrl", out var url))
            {
                files.Add(new ChatFile(file.GetProperty("name").GetString()!, await http.GetByteArrayAsync(url.GetString())));
            }
        }

        return new ChatReply(replies.Select(r => r.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "").Where(t => t.Length > 0).ToArray(), files);
    }
}
