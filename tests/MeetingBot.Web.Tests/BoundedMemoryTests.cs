using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.Channels.BotFramework;
using MeetingBot.Channels.DirectLine;
using MeetingBot.Conversations;
using MeetingBot.Storage;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// What a client can make the bot keep: Direct Line transcripts bounded per conversation and in
/// total, bounded posts and ids, and a channel's name kept only when it is as short as a typed one.
/// </summary>
public sealed class BoundedMemoryTests
{
    private const int TranscriptBytes = 64 * 1024;
    private const int TotalBytes = 256 * 1024;

    [Fact]
    public async Task Many_new_conversations_stay_within_the_total_transcript_budget()
    {
        await using var bot = await StartAsync();
        using var http = bot.CreateClient();
        var client = new DirectLineTestClient(http);
        var logs = bot.Services.GetRequiredService<ConversationLogs>();

        DirectLineSession latest = null!;
        for (var i = 0; i < 120; i++)
        {
            (latest, _) = await DirectLineSession.OpenAsync(client);
            Assert.True(logs.TotalBytes <= TotalBytes + TranscriptBytes, $"{logs.TotalBytes} bytes held after {i + 1} conversations");
        }

        Assert.InRange(logs.Count, 1, 119);
        Assert.Contains(DirectLineTestClient.Prompt("meeting_kind"), DirectLineSession.BotText(await latest.PollAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Large_posts_are_refused_and_one_poll_returns_at_most_the_transcript_budget()
    {
        await using var bot = await StartAsync();
        using var http = bot.CreateClient();
        var client = new DirectLineTestClient(http);
        var (page, _) = await DirectLineSession.OpenAsync(client);

        using var huge = await client.PostMessageAsync(page.ConversationId, page.Token, new string('长', 70_000), "huge", page.UserId);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        for (var i = 0; i < 20; i++)
        {
            // Each just under the post limit (too long an answer, so the bot asks again).
            using var post = await client.PostMessageAsync(page.ConversationId, page.Token, new string('长', 5_000), $"big-{i}", page.UserId);
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        }

        using var poll = await client.SendAsync(HttpMethod.Get, $"/conversations/{page.ConversationId}/activities?watermark=", page.Token);
        var body = await poll.Content.ReadAsByteArrayAsync();
        Assert.InRange(body.Length, 1, TranscriptBytes + DirectLineEndpoints.MaxBodyBytes);
        var set = JsonSerializer.Deserialize<ActivitySet>(body, JsonSerializerOptions.Web)!;
        Assert.Equal("big-19", ConversationLog.ClientActivityIdOf(set.Activities.Last(a => a.From?.Role == "user")));
    }

    [Fact]
    public async Task Oversized_ids_are_refused_and_never_stored()
    {
        await using var bot = await StartAsync();
        using var http = bot.CreateClient();
        var client = new DirectLineTestClient(http);
        var (page, _) = await DirectLineSession.OpenAsync(client);
        var before = await ReadAsync(bot, DirectLineConversations.ChannelId, page.ConversationId);
        var longId = new string('x', 20_000);

        using var directLine = await client.PostMessageAsync(page.ConversationId, page.Token, "年度民主生活会", longId, page.UserId);
        using var activityId = await bot.Http.PostAsJsonAsync("/api/messages", Activities.Message("1", "long-id", longId));
        using var conversationId = await bot.Http.PostAsJsonAsync("/api/messages", Activities.Message("1", longId, "m1"));

        Assert.Equal(HttpStatusCode.BadRequest, directLine.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, activityId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, conversationId.StatusCode);
        Assert.Equal(before!.ETag, (await ReadAsync(bot, DirectLineConversations.ChannelId, page.ConversationId))!.ETag);
        Assert.Null(await ReadAsync(bot, "test", "long-id"));
    }

    [Fact]
    public async Task A_channel_name_longer_than_a_typed_name_is_not_kept_and_the_name_is_asked()
    {
        await using var bot = await StartAsync();
        var message = Activities.Message("4", "long-name", "m1");
        message["from"] = new { id = "user-long-name", name = new string('名', 10_000) };

        var replies = await bot.Http.ExchangeAsync(message);

        Assert.Contains(DirectLineTestClient.Prompt("name"), replies[^1], StringComparison.Ordinal);
        var state = ConversationRecord.FromJson((await ReadAsync(bot, "test", "long-name"))!.Body);
        Assert.Empty(state.Profile);
    }

    private static Task<RunningBot> StartAsync() => RunningBot.StartAsync(
        [$"--DirectLine:MaxTranscriptBytes={TranscriptBytes}", $"--DirectLine:MaxTotalTranscriptBytes={TotalBytes}"]);

    private static Task<StoredDocument?> ReadAsync(RunningBot bot, string channelId, string conversationId) =>
        bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State(channelId, conversationId), CancellationToken.None);
}
