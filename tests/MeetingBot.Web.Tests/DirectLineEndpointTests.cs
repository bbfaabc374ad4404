using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MeetingBot.Channels.BotFramework;
using MeetingBot.Channels.BotFramework.Teams;
using MeetingBot.Channels.DirectLine;
using MeetingBot.Dialogs.Bank;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Meetings;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>The local Direct Line 3.0 at /v3/directline on the real host, over real HTTP (docs/protocols.md D).</summary>
public sealed class DirectLineEndpointTests(BotServerFixture server) : IClassFixture<BotServerFixture>, IDisposable
{
    private readonly HttpClient _http = server.CreateClient();

    private DirectLineTestClient Client => new(_http);

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Starting_a_conversation_greets_the_user_and_asks_the_meeting_kind_with_buttons()
    {
        var userId = DirectLineTestClient.NewUserId();
        var token = await Client.GenerateTokenAsync(userId);
        Assert.StartsWith("dlc_", token.ConversationId, StringComparison.Ordinal);
        Assert.True(token.ExpiresIn > 15 * 60);

        using var response = await Client.SendAsync(HttpMethod.Post, "/conversations", token.Token, JsonContent.Create(new { user = new { id = userId } }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(token.ConversationId, body.RootElement.GetProperty("conversationId").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("token").GetString()));
        Assert.Equal("", body.RootElement.GetProperty("streamUrl").GetString());
        Assert.True(body.RootElement.GetProperty("expires_in").GetInt32() > 0);

        var set = await Client.GetActivitiesAsync(token.ConversationId, body.RootElement.GetProperty("token").GetString()!, "");

        Assert.False(string.IsNullOrEmpty(set.Watermark));
        Assert.NotEmpty(set.Activities);
        Assert.All(set.Activities, a =>
        {
            Assert.Equal(ActivityTypes.Message, a.Type);
            Assert.Equal("bot", a.From?.Role);
            Assert.Equal("民主生活会准备助手", a.From?.Name); // the name set in appsettings.json
            Assert.Equal(userId, a.Recipient?.Id);
            Assert.Equal(token.ConversationId, a.Conversation?.Id);
            Assert.Equal(DirectLineConversations.ChannelId, a.ChannelId);
            Assert.False(string.IsNullOrEmpty(a.Id));
            Assert.NotNull(a.Timestamp);
        });
        var question = set.Activities[^1];
        Assert.Contains(DirectLineTestClient.Prompt("meeting_kind"), question.Text, StringComparison.Ordinal);
        var buttons = question.SuggestedActions!.Actions;
        Assert.All(buttons, b => Assert.Equal("imBack", b.Type));
        Assert.Equal(DirectLineTestClient.Bank.StepsById["meeting_kind"].Options.Select(o => o.Label), buttons.Select(b => b.Title));
        Assert.Equal(set.Activities.Count, set.Activities.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_prompt_card_reaches_web_chat_as_an_adaptive_card()
    {
        var meeting = await MeetingContent.ImportAsync(server.Services, MeetingScenario.MeetingFile("test:sec-1"));
        var (session, _) = await DirectLineSession.OpenAsync(Client);
        await session.PollAsync();
        await session.SayAsync("加入 " + meeting.InvitationCode);

        var replies = (await session.SayAsync("提示")).Where(a => a.From?.Role == "bot").ToArray();

        var attachment = Assert.Single(Assert.Single(replies).Attachments!);
        Assert.Equal(AdaptiveCards.ContentType, attachment.GetProperty("contentType").GetString());
        var texts = attachment.GetProperty("content").GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToArray();
        Assert.Equal(MeetingScenario.Title + "会前提示", texts[0]);
        Assert.Contains("1. 个人有关事项报告情况", texts);
        Assert.Contains("您还没有记下批评意见。回复“记一条批评意见”加内容即可随时记下，仅您本人可见。", texts);
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_its_client_activity_id_and_answered_after_it()
    {
        var (session, _) = await DirectLineSession.OpenAsync(Client);
        await session.PollAsync();
        var before = session.Watermark;

        using var response = await Client.PostMessageAsync(session.ConversationId, session.Token, "组织生活会", "client-echo-1", fromId: "dl_someoneelse0000000000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = await DirectLineTestClient.ReadAsync<ResourceResponse>(response, HttpStatusCode.OK);
        var activities = await session.PollAsync();

        Assert.Equal(2, activities.Count);
        var (echo, reply) = (activities[0], activities[1]);
        Assert.Equal(posted.Id, echo.Id);
        Assert.False(string.IsNullOrEmpty(echo.Id));
        Assert.Equal("client-echo-1", ConversationLog.ClientActivityIdOf(echo));
        Assert.Equal("组织生活会", echo.Text);
        Assert.Equal(session.UserId, echo.From?.Id);
        Assert.Equal("user", echo.From?.Role);
        Assert.Equal("meetingbot", echo.Recipient?.Id);
        Assert.Equal(session.ConversationId, echo.Conversation?.Id);
        Assert.Equal(DirectLineConversations.ChannelId, echo.ChannelId);
        Assert.Equal("Asia/Shanghai", echo.LocalTimezone);
        Assert.NotNull(echo.Timestamp);
        Assert.False(string.IsNullOrEmpty(echo.ServiceUrl));

        Assert.Equal("bot", reply.From?.Role);
        Assert.Equal(echo.Id, reply.ReplyToId);
        Assert.True(reply.Timestamp > echo.Timestamp);
        Assert.Contains(DirectLineTestClient.Prompt("name"), reply.Text, StringComparison.Ordinal);
        Assert.True(long.Parse(session.Watermark!) > long.Parse(before!));
    }

    [Fact]
    public async Task Watermarks_return_only_newer_activities_and_never_go_back()
    {
        var (session, _) = await DirectLineSession.OpenAsync(Client);
        var all = await session.PollAsync();
        var afterGreeting = session.Watermark!;

        var nothingNew = await Client.GetActivitiesAsync(session.ConversationId, session.Token, afterGreeting);
        Assert.Empty(nothingNew.Activities);
        Assert.Equal(afterGreeting, nothingNew.Watermark);

        var newer = await session.SayAsync("组织生活会");
        Assert.Equal(2, newer.Count);

        var fromStart = await Client.GetActivitiesAsync(session.ConversationId, session.Token, "");
        Assert.Equal(all.Concat(newer).Select(a => a.Id), fromStart.Activities.Select(a => a.Id));
        Assert.Equal(session.Watermark, fromStart.Watermark);

        var unreadable = await Client.GetActivitiesAsync(session.ConversationId, session.Token, "not-a-watermark");
        Assert.Equal(fromStart.Activities.Count, unreadable.Activities.Count);

        var fromMiddle = await Client.GetActivitiesAsync(session.ConversationId, session.Token, afterGreeting);
        Assert.Equal(newer.Select(a => a.Id), fromMiddle.Activities.Select(a => a.Id));
    }

    [Fact]
    public async Task Starting_again_keeps_the_conversation_and_welcomes_the_user_back_at_the_current_question()
    {
        var (session, firstStatus) = await DirectLineSession.OpenAsync(Client);
        Assert.Equal(HttpStatusCode.Created, firstStatus);
        await session.PollAsync();
        await session.SayAsync("组织生活会");

        var (again, status) = await DirectLineSession.OpenAsync(Client, session.UserId);
        again.Watermark = session.Watermark;
        var text = DirectLineSession.BotText(await again.PollAsync());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(session.ConversationId, again.ConversationId);
        Assert.Contains("欢迎回来！您上次填到“基本情况”部分", text, StringComparison.Ordinal);
        Assert.Contains(DirectLineTestClient.Prompt("name"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_forbidden()
    {
        var (session, _) = await DirectLineSession.OpenAsync(Client);
        var parts = session.Token.Split('.');
        var otherUser = await Client.GenerateTokenAsync(DirectLineTestClient.NewUserId());
        string?[] badTokens =
        [
            null,
            "",
            "not-a-token",
            parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length),
            // Someone else's payload under this token's signature: the signature no longer matches.
            parts[0] + "." + otherUser.Token.Split('.')[1] + "." + parts[2],
        ];

        foreach (var token in badTokens)
        {
            foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
            {
                (HttpMethod.Post, "/conversations", null),
                (HttpMethod.Get, $"/conversations/{session.ConversationId}", null),
                (HttpMethod.Get, $"/conversations/{session.ConversationId}/activities?watermark=", null),
                (HttpMethod.Post, $"/conversations/{session.ConversationId}/activities", DirectLineTestClient.WebChatMessage("hi", "c1", session.UserId)),
                (HttpMethod.Post, "/tokens/refresh", null),
            })
            {
                using var response = await Client.SendAsync(method, path, token, body is null ? null : JsonContent.Create(body));
                Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{method} {path} with token '{token}' answered {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_conversation_the_token_does_not_open_is_not_found()
    {
        var (session, _) = await DirectLineSession.OpenAsync(Client);
        var neverStarted = await Client.GenerateTokenAsync(DirectLineTestClient.NewUserId());

        (string Conversation, string Token)[] cases =
        [
            ("dlc_unknown", session.Token),
            (neverStarted.ConversationId, session.Token),
            (session.ConversationId, neverStarted.Token),
            (neverStarted.ConversationId, neverStarted.Token),
        ];
        foreach (var (conversation, token) in cases)
        {
            using var get = await Client.SendAsync(HttpMethod.Get, $"/conversations/{conversation}/activities?watermark=", token);
            using var reconnect = await Client.SendAsync(HttpMethod.Get, $"/conversations/{conversation}", token);
            using var post = await Client.SendAsync(
                HttpMethod.Post, $"/conversations/{conversation}/activities", token, JsonContent.Create(DirectLineTestClient.WebChatMessage("hi", "c1", session.UserId)));
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, reconnect.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
    }

    [Fact]
    public async Task Malformed_invalid_and_oversized_bodies_are_rejected()
    {
        var (session, _) = await DirectLineSession.OpenAsync(Client);
        var activities = $"/conversations/{session.ConversationId}/activities";

        async Task<HttpStatusCode> PostAsync(string path, string json, string? token = null)
        {
            using var response = await Client.SendAsync(HttpMethod.Post, path, token ?? session.Token, new StringContent(json, Encoding.UTF8, "application/json"));
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(activities, "{\"type\": \"message\", "));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(activities, "[1, 2]"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(activities, ""));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(activities, "{\"text\": \"no type\"}"));
        var huge = JsonSerializer.Serialize(DirectLineTestClient.WebChatMessage(new string('长', JsonBody.MaxBytes / 2), "c-huge", session.UserId));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(activities, huge));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/conversations", "{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/tokens/generate", "{not json"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/tokens/generate", "{}"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/tokens/generate", "{\"user\":{\"id\":\"guessable\"}}"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/tokens/generate", "{\"user\":{\"id\":\"dl_short\"}}"));

        // None of it reached the log.
        var set = await Client.GetActivitiesAsync(session.ConversationId, session.Token, "");
        Assert.All(set.Activities, a => Assert.Equal("bot", a.From?.Role));
    }

    [Fact]
    public async Task Refreshed_and_reconnect_tokens_work_for_the_same_conversation()
    {
        var (session, _) = await DirectLineSession.OpenAsync(Client);

        using var refresh = await Client.SendAsync(HttpMethod.Post, "/tokens/refresh", session.Token);
        var refreshed = await DirectLineTestClient.ReadAsync<DirectLineConversation>(refresh, HttpStatusCode.OK);
        using var reconnect = await Client.SendAsync(HttpMethod.Get, $"/conversations/{session.ConversationId}?watermark=", refreshed.Token);
        var reconnected = await DirectLineTestClient.ReadAsync<DirectLineConversation>(reconnect, HttpStatusCode.OK);

        Assert.Equal(session.ConversationId, refreshed.ConversationId);
        Assert.Equal(session.ConversationId, reconnected.ConversationId);
        session.Token = reconnected.Token;
        var replies = await session.SayAsync("组织生活会");
        Assert.Contains(DirectLineTestClient.Prompt("name"), DirectLineSession.BotText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_client_activity_posted_twice_is_answered_once()
    {
        var (session, _) = await DirectLineSession.OpenAsync(Client);
        await session.PollAsync();

        using var first = await Client.PostMessageAsync(session.ConversationId, session.Token, "组织生活会", "client-twice", session.UserId);
        using var second = await Client.PostMessageAsync(session.ConversationId, session.Token, "组织生活会", "client-twice", session.UserId);
        var firstId = (await DirectLineTestClient.ReadAsync<ResourceResponse>(first, HttpStatusCode.OK)).Id;
        var secondId = (await DirectLineTestClient.ReadAsync<ResourceResponse>(second, HttpStatusCode.OK)).Id;

        Assert.Equal(firstId, secondId);
        Assert.Equal(2, (await session.PollAsync()).Count);
    }

    [Fact]
    public async Task A_cors_preflight_allows_the_headers_directlinejs_sends()
    {
        foreach (var path in new[] { "/conversations", "/conversations/dlc_x/activities", "/tokens/refresh" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, DirectLineTestClient.Base + path);
            request.Headers.Add("Origin", "http://example.test");
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
            using var response = await _http.SendAsync(request);

            Assert.True(response.IsSuccessStatusCode, $"OPTIONS {path} answered {response.StatusCode}");
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single();
            foreach (var header in new[] { "Authorization", "Content-Type", "x-ms-bot-agent" })
            {
                Assert.Contains(header, allowed, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
