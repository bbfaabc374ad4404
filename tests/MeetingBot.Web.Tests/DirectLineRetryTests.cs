using System.Net;
using System.Net.Http.Json;
using MeetingBot.Channels.BotFramework;
using MeetingBot.Channels.DirectLine;
using MeetingBot.Conversations;
using MeetingBot.Storage;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Web Chat posts a message again, with the same channelData.clientActivityID, when it got no answer
/// (docs/protocols.md D.5). The repeat is applied once: after a restart, from another instance, and
/// when the repeats arrive at the same moment; each is answered with the id of the first.
/// </summary>
public sealed class DirectLineRetryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Database => _folder.File("bot.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_post_repeated_after_a_restart_is_applied_once_and_answered_with_the_same_id_and_replies()
    {
        DirectLineSession page;
        string firstId;
        await using (var first = await RunningBot.StartAsync(Database))
        {
            using var http = first.CreateClient();
            (page, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(http));
            await page.PollAsync();
            firstId = await PostAsync(new DirectLineTestClient(http), page, "组织生活会", "retry-after-restart");
        }

        await using var second = await RunningBot.StartAsync(Database);
        using var secondHttp = second.CreateClient();
        var client = new DirectLineTestClient(secondHttp);
        var again = new DirectLineSession(client, page.UserId, page.ConversationId, page.Token) { Watermark = page.Watermark };

        var repeatId = await PostAsync(client, again, "组织生活会", "retry-after-restart");
        var seen = await again.PollAsync();

        Assert.Equal(firstId, repeatId);
        Assert.Equal(["meeting_kind"], (await StateAsync(second, page.ConversationId)).Dialog.Answers.Keys);
        var echo = Assert.Single(seen, a => a.From?.Role == "user");
        Assert.Equal(firstId, echo.Id);
        Assert.Contains(DirectLineTestClient.Prompt("name"), DirectLineSession.BotText(seen), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeats_arriving_at_the_same_moment_are_applied_once_on_one_instance_and_on_two()
    {
        await using var one = await RunningBot.StartAsync(Database);
        await using var two = await RunningBot.StartAsync(Database);
        using var oneHttp = one.CreateClient();
        using var twoHttp = two.CreateClient();
        var clients = new[] { new DirectLineTestClient(oneHttp), new DirectLineTestClient(twoHttp) };

        for (var round = 0; round < 5; round++)
        {
            var (page, _) = await DirectLineSession.OpenAsync(clients[0]);
            await page.PollAsync();
            var clientActivityId = $"burst-{round}";

            // Four at once on the first instance, and two of them also on the second.
            var posts = Enumerable.Range(0, 6).Select(i => PostAsync(clients[i < 4 ? 0 : 1], page, "组织生活会", clientActivityId));
            var ids = await Task.WhenAll(posts);

            Assert.Single(ids.Take(4).Distinct());
            Assert.Single(ids.Distinct());
            Assert.Equal(["meeting_kind"], (await StateAsync(one, page.ConversationId)).Dialog.Answers.Keys);
            var seen = await page.PollAsync();
            Assert.Single(seen, a => a.From?.Role == "user");
            Assert.Single(seen, a => a.Text?.Contains(DirectLineTestClient.Prompt("name"), StringComparison.Ordinal) == true);
        }
    }

    private static async Task<string> PostAsync(DirectLineTestClient client, DirectLineSession page, string text, string clientActivityId)
    {
        using var response = await client.PostMessageAsync(page.ConversationId, page.Token, text, clientActivityId, page.UserId);
        return (await DirectLineTestClient.ReadAsync<ResourceResponse>(response, HttpStatusCode.OK)).Id!;
    }

    private static async Task<ConversationRecord> StateAsync(RunningBot bot, string conversationId) =>
        ConversationRecord.FromJson((await bot.Services.GetRequiredService<IDocumentStore>()
            .ReadAsync(ConversationKeys.State(DirectLineConversations.ChannelId, conversationId), CancellationToken.None))!.Body);
}
