using System.Net;
using System.Net.Http.Json;
using MeetingBot.Conversations;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// What reaches the logs at Information and above while people use the bot, with every category
/// turned up to Information (ASP.NET Core's own too): no conversation id, user id, store key or URL
/// that could open someone's self-check, and no message text.
/// </summary>
public sealed class LogContentTests
{
    [Fact]
    public async Task Logs_at_information_carry_no_usable_ids_no_urls_with_them_and_no_answers()
    {
        var logs = new CapturedLogs();
        await using var bot = await RunningBot.StartAsync(["--Logging:LogLevel:Default=Information", "--Logging:LogLevel:Microsoft.AspNetCore=Information"],
            builder => builder.Logging.AddProvider(logs));
        using var http = bot.CreateClient();
        var client = new DirectLineTestClient(http);

        var (page, _) = await DirectLineSession.OpenAsync(client);
        await page.SayAsync("年度民主生活会");
        await page.SayAsync("张明");
        using var repeat = await client.PostMessageAsync(page.ConversationId, page.Token, "张明", "client-1-x", page.UserId);
        using var elsewhere = await client.SendAsync(HttpMethod.Get, "/conversations/dlc_notmine/activities?watermark=", page.Token);
        await bot.Http.ExchangeAsync(Activities.Message("市交通运输局", "teams-conversation-42", "m1"));
        var probe = Activities.Message("查看草稿", page.ConversationId, "probe");
        probe["channelId"] = "directline";
        using var refused = await bot.Http.PostAsJsonAsync("/api/messages", probe);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEmpty(logs.Lines);
        string[] secrets =
        [
            page.ConversationId, page.UserId, page.Token, "teams-conversation-42", "user-teams-conversation-42",
            ConversationKeys.Partition("directline", page.ConversationId), ConversationKeys.Partition("test", "teams-conversation-42"),
            "dlc_notmine", "张明", "市交通运输局", "年度民主生活会",
        ];
        foreach (var line in logs.Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.False(line.Text.Contains(secret, StringComparison.Ordinal), $"{line.Category}[{line.EventId}] {line.Level} logs {secret}: {line.Text}");
            }
        }
    }
}
