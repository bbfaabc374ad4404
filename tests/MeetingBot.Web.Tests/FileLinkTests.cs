using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.Channels.DirectLine;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Files;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// A file in a reply reaches Web Chat as an attachment with a download link and Teams as a card
/// with a download button; the link opens the file, and nothing else: not another conversation's,
/// not a changed link, not after it expired.
/// </summary>
public sealed class FileLinkTests
{
    [Fact]
    public async Task A_draft_to_download_opens_by_its_link_and_is_refused_for_anyone_else_and_after_expiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await RunningBot.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        using var http = bot.CreateClient();
        var (page, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(http));
        await page.SayAsync("年度民主生活会");

        var replies = await page.SayAsync("下载草稿");
        var file = replies.Single(a => a.Attachments is { Count: > 0 }).Attachments![0];
        Assert.Equal("个人对照检查材料（草稿）.txt", file.GetProperty("name").GetString());
        var url = new Uri(file.GetProperty("contentUrl").GetString()!);

        using (var download = await http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Contains("一、存在的主要问题", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The same file id, signed for another conversation, opens nothing; nor does a changed link.
        var token = url.Segments[^1];
        var fileId = FileIdOf(token);
        var links = bot.Services.GetRequiredService<FileLinks>();
        var otherConversation = await links.CreateTokenAsync(ConversationKeys.Partition(DirectLineConversations.ChannelId, "dlc_someone_else"), fileId, TimeSpan.FromHours(1), CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/files/" + otherConversation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/files/" + Tampered(token))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/files/not-a-token")).StatusCode);

        clock.Advance(new ConversationOptions().FileLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_Word_draft_reaches_Web_Chat_as_a_file_its_link_opens()
    {
        await using var bot = await RunningBot.StartAsync();
        using var http = bot.CreateClient();
        var (page, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(http));

        var file = (await page.SayAsync("下载Word")).Single(a => a.Attachments is { Count: > 0 }).Attachments![0];

        Assert.Equal("个人对照检查材料（草稿）.docx", file.GetProperty("name").GetString());
        using var download = await http.GetAsync(file.GetProperty("contentUrl").GetString());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await download.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task On_Teams_a_file_comes_as_a_card_with_a_download_button()
    {
        await using var bot = await RunningBot.StartAsync();
        var activity = Activities.Message("下载草稿", "teams-file", "f-1");
        activity["channelId"] = "msteams";

        using var response = await bot.Http.PostAsJsonAsync("/api/messages", activity);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // The question that follows is a card too; the file's card is the one that opens a link.
        var action = body.RootElement.GetProperty("activities").EnumerateArray()
            .Where(a => a.TryGetProperty("attachments", out _))
            .Select(a => a.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[0])
            .Single(a => a.GetProperty("type").GetString() == "Action.OpenUrl");
        using var download = await bot.Http.GetAsync(action.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    private static string FileIdOf(string token)
    {
        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal)));
        return System.Text.Encoding.UTF8.GetString(payload).Split('\n')[1];
    }

    private static string Tampered(string token) => token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
}
