using System.Net;
using System.Net.Http.Json;
using System.Text;
using MeetingBot.Conversations;
using MeetingBot.Storage;
using MeetingBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Web.Tests;

/// <summary>POST /api/messages on the real host: the Activity protocol as a channel speaks it.</summary>
public sealed class BotFrameworkEndpointTests : IAsyncLifetime
{
    private RunningBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RunningBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_complete_self_check_runs_over_expect_replies_and_ends_with_the_draft()
    {
        var answers = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Conversations.Tests", "Golden", "full.answers.txt")).Where(l => l.Length > 0);
        var n = 0;
        string[] replies = [];
        foreach (var answer in answers.Append("提交"))
        {
            replies = await _bot.Http.ExchangeAsync(Activities.Message(answer, "full", $"a{++n}"));
        }

        Assert.Contains("已提交", replies[^1], StringComparison.Ordinal);
        replies = await _bot.Http.ExchangeAsync(Activities.Message("查看草稿", "full", $"a{++n}"));
        Assert.Contains("陈立新", replies[^1], StringComparison.Ordinal);
        Assert.Contains("三、整改措施", replies[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_without_expect_replies_are_posted_to_the_connector_as_replies()
    {
        await using var connector = await StandInConnector.StartAsync();

        using var response = await _bot.Http.PostAsJsonAsync("/api/messages", Activities.Message("帮助", "conv:with/odd;chars", "m-1", connector.ServiceUrl, deliveryMode: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(connector.Unexpected);
        Assert.Equal(2, connector.Received.Count);
        var (path, activity) = connector.Received.First();
        Assert.Equal("/connector/v3/conversations/conv%3Awith%2Fodd%3Bchars/activities/m-1", path);
        Assert.Equal("m-1", activity.GetProperty("replyToId").GetString());
        Assert.Equal("plain", activity.GetProperty("textFormat").GetString());
        Assert.Equal("user-conv:with/odd;chars", activity.GetProperty("recipient").GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_processed_once()
    {
        await _bot.Http.ExchangeAsync(Activities.Message("组织生活会", "dup", "same"));
        var again = await _bot.Http.ExchangeAsync(Activities.Message("组织生活会", "dup", "same"));
        await _bot.Http.ExchangeAsync(Activities.Message("市交通运输局", "dup", "next"));

        Assert.NotEmpty(again);
        var state = await ReadStateAsync("dup");
        Assert.Equal(["meeting_kind", "unit"], state.Dialog.Answers.Keys.Order());
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"no type\",\"conversation\":{\"id\":\"bad\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"text\":\"no conversation\",\"from\":{\"id\":\"u\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"somethingNew\",\"conversation\":{\"id\":\"bad\"}}", HttpStatusCode.OK)]
    [InlineData("{\"type\":\"invoke\",\"name\":\"unknown/thing\",\"conversation\":{\"id\":\"bad\"}}", HttpStatusCode.NotImplemented)]
    public async Task Bad_or_unknown_input_gets_a_clear_status_and_stores_nothing(string body, HttpStatusCode expected)
    {
        using var response = await _bot.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Null(await ReadStoredAsync("bad"));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var activity = Activities.Message(new string('长', 200_000), "big", "big-1");

        using var response = await _bot.Http.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await ReadStoredAsync("big"));
    }

    [Fact]
    public async Task Only_post_is_allowed()
    {
        using var response = await _bot.Http.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task<StoredDocument?> ReadStoredAsync(string conversationId) =>
        await _bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("test", conversationId), CancellationToken.None);

    private async Task<ConversationRecord> ReadStateAsync(string conversationId) =>
        ConversationRecord.FromJson((await ReadStoredAsync(conversationId))!.Body);
}
