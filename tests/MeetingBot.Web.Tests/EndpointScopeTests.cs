using System.Net;
using System.Net.Http.Json;
using MeetingBot.Conversations;
using MeetingBot.Storage;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Who may act on /api/messages: outside Development only a caller with a valid token, never for
/// the Web Chat page's own channel, and in a personal conversation only its user.
/// </summary>
public sealed class EndpointScopeTests
{
    [Fact]
    public async Task Outside_development_an_activity_without_a_token_is_401_unless_the_development_bypass_is_set()
    {
        await using var locked = await RunningBot.StartAsync(["--environment=Production", "--BotFramework:DevelopmentOnlyAllowAnonymous=false"]);
        await using var bypassed = await RunningBot.StartAsync(["--environment=Production", "--BotFramework:DevelopmentOnlyAllowAnonymous=true"]);

        using var refused = await locked.Http.PostAsJsonAsync("/api/messages", Activities.Message("1", "no-token", "m1"));
        using var accepted = await bypassed.Http.PostAsJsonAsync("/api/messages", Activities.Message("1", "no-token", "m1"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(await refused.Content.ReadAsStringAsync());
        Assert.Null(await ReadAsync(locked, "test", "no-token"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData("directline")]
    [InlineData("DirectLine")]
    public async Task A_web_chat_conversation_cannot_be_read_through_api_messages(string channelId)
    {
        await using var bot = await RunningBot.StartAsync();
        using var http = bot.CreateClient();
        var (page, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(http));
        await page.SayAsync("年度民主生活会");
        var before = (await ReadAsync(bot, "directline", page.ConversationId))!.ETag;

        // The request the probing used: the page's conversation id and "show the draft", expecting the replies back.
        var attack = Activities.Message("查看草稿", page.ConversationId, "probe-1");
        attack["channelId"] = channelId;
        attack["from"] = new { id = page.UserId };
        using var response = await bot.Http.PostAsJsonAsync("/api/messages", attack);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await ReadAsync(bot, "directline", page.ConversationId))!.ETag);
    }

    [Fact]
    public async Task Another_sender_in_a_personal_conversation_is_refused_not_adopted()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.Http.ExchangeAsync(Activities.Message("4", "personal", "own-1"));
        var before = await ReadAsync(bot, "test", "personal");

        foreach (var id in new[] { "other-1", "own-1" })
        {
            // A fresh activity id, and the owner's latest one, whose replies would be repeated to a duplicate.
            var intruder = Activities.Message("查看草稿", "personal", id);
            intruder["from"] = new { id = "someone-else", name = "李华" };
            using var response = await bot.Http.PostAsJsonAsync("/api/messages", intruder);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }

        var after = await ReadAsync(bot, "test", "personal");
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.Equal("user-personal", ConversationRecord.FromJson(after.Body).UserId);
        var next = await bot.Http.ExchangeAsync(Activities.Message("市交通运输局", "personal", "own-2"));
        Assert.Contains(DirectLineTestClient.Prompt("post"), next[^1], StringComparison.Ordinal);
    }

    private static Task<StoredDocument?> ReadAsync(RunningBot bot, string channelId, string conversationId) =>
        bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State(channelId, conversationId), CancellationToken.None);
}
