using System.Net.Http.Json;
using MeetingBot.Channels.DirectLine;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Dialogs.Bank;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Turns the bot starts reach the user on their own channel, after a restart and from another
/// instance on the same store, once per key: Teams through the Connector with the bot's token,
/// Web Chat on its next poll. (WeCom: WeComOutboundTests.)
/// </summary>
public sealed class ProactiveDeliveryTests
{
    private static readonly Notice Reminder = new(MessageKeys.ReminderUnfinished, new Dictionary<string, object?>());

    [Fact]
    public async Task Teams_gets_a_bot_initiated_message_with_the_token_after_a_restart_and_from_a_second_instance_once_per_key()
    {
        const string AppId = "11111111-2222-3333-4444-555555555555";
        using var folder = new TempFolder();
        var database = folder.File("bot.db");
        await using var identity = await StandInIdentityServer.StartAsync();
        await using var connector = await StandInConnector.StartAsync();
        connector.RequiredToken = StandInIdentityServer.IssuedAccessToken;

        await using (var first = await AuthenticatedBot.StartAsync(identity, AppId, database))
        {
            var activity = Activities.Message("帮助", "teams-personal", "t-1", connector.ServiceUrl, deliveryMode: null);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + identity.ChannelToken(AppId, connector.ServiceUrl));
            (await first.Http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var before = connector.Received.Count;
        await using var restarted = await AuthenticatedBot.StartAsync(identity, AppId, database);
        await using var second = await AuthenticatedBot.StartAsync(identity, AppId, database);

        Assert.Equal(DeliveryResult.Delivered, await RunAsync(restarted, "test", "teams-personal", "remind-1"));
        Assert.Equal(DeliveryResult.AlreadyDelivered, await RunAsync(second, "test", "teams-personal", "remind-1"));
        Assert.Equal(DeliveryResult.Delivered, await RunAsync(second, "test", "teams-personal", "remind-2"));

        var sent = connector.Received.Skip(before).ToArray();
        Assert.Equal(2, sent.Length);
        Assert.All(sent, s => Assert.EndsWith("/v3/conversations/teams-personal/activities", s.Path, StringComparison.Ordinal));
        Assert.All(sent, s => Assert.Equal("user-teams-personal", s.Activity.GetProperty("recipient").GetProperty("id").GetString()));
        Assert.Contains("继续", sent[0].Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(connector.Unexpected);
    }

    [Fact]
    public async Task Web_Chat_gets_a_bot_initiated_message_on_its_next_poll_from_any_instance_once_per_key()
    {
        using var folder = new TempFolder();
        var database = folder.File("bot.db");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = await RunningBot.StartAsync(database, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        await using var second = await RunningBot.StartAsync(database);
        using var http = first.CreateClient();
        var (page, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(http));
        await page.PollAsync();
        await page.SayAsync("年度民主生活会");

        Assert.Equal(DeliveryResult.Delivered, await RunAsync(second, DirectLineConversations.ChannelId, page.ConversationId, "remind-1"));
        Assert.Equal(DeliveryResult.AlreadyDelivered, await RunAsync(second, DirectLineConversations.ChannelId, page.ConversationId, "remind-1"));

        // The first instance looks in the store once per DirectLine:PendingCheckInterval.
        clock.Advance(TimeSpan.FromSeconds(3));
        var polled = await page.PollAsync();
        Assert.Contains("继续", DirectLineSession.BotText(polled), StringComparison.Ordinal);
        Assert.Single(polled);
        Assert.Empty(await page.PollAsync());
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Empty(await page.PollAsync());
    }

    [Fact]
    public async Task Web_Chat_gets_a_bot_initiated_message_after_a_restart()
    {
        using var folder = new TempFolder();
        var database = folder.File("bot.db");
        var userId = DirectLineTestClient.NewUserId();
        string conversationId;
        await using (var first = await RunningBot.StartAsync(database))
        {
            using var http = first.CreateClient();
            var (page, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(http), userId);
            conversationId = page.ConversationId;
            await page.SayAsync("年度民主生活会");
        }

        await using var restarted = await RunningBot.StartAsync(database);
        Assert.Equal(DeliveryResult.Delivered, await RunAsync(restarted, DirectLineConversations.ChannelId, conversationId, "remind-1"));

        using var again = restarted.CreateClient();
        var (returning, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(again), userId);
        Assert.Contains("继续", DirectLineSession.BotText(await returning.PollAsync()), StringComparison.Ordinal);
    }

    private static Task<DeliveryResult> RunAsync(RunningBot bot, string channelId, string conversationId, string key) =>
        bot.Services.GetRequiredService<BotInitiatedTurns>().RunAsync(channelId, conversationId, key, Reminder, CancellationToken.None);
}
