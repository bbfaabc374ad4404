using System.Net;
using MeetingBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Web.Tests;

/// <summary>Token lifetime on the real host, with the clock it is given instead of waiting.</summary>
public sealed class DirectLineTokenExpiryTests
{
    [Fact]
    public async Task A_token_past_its_lifetime_is_forbidden_and_a_refreshed_one_keeps_working()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await RunningBot.StartAsync(folder.File("bot.db"), configure: builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Configuration["DirectLine:TokenLifetime"] = "00:20:00";
        });
        using var http = server.CreateClient();
        var client = new DirectLineTestClient(http);
        var (session, _) = await DirectLineSession.OpenAsync(client);
        var original = session.Token;

        clock.Advance(TimeSpan.FromMinutes(15));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", original);
        var refreshed = await DirectLineTestClient.ReadAsync<Channels.DirectLine.DirectLineConversation>(refresh, HttpStatusCode.OK);
        Assert.Equal(20 * 60, refreshed.ExpiresIn);

        clock.Advance(TimeSpan.FromMinutes(6));
        using var expired = await client.SendAsync(HttpMethod.Get, $"/conversations/{session.ConversationId}/activities?watermark=", original);
        using var expiredRefresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", original);
        using var current = await client.SendAsync(HttpMethod.Get, $"/conversations/{session.ConversationId}/activities?watermark=", refreshed.Token);

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expiredRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }
}
