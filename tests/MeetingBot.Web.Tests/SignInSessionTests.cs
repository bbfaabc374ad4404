using System.Net;
using System.Net.Http.Json;
using MeetingBot.Channels.DirectLine;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using MeetingBot.Web.SignIn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Direct Line with sign-in on: tokens only for open sessions, none for a user id the page names,
/// and an administrator can close a user's sessions. The provider is never asked here (its metadata
/// is fetched only when someone signs in), so the sessions are opened as a sign-in opens them.
/// </summary>
public sealed class SignInSessionTests : IDisposable
{
    private const string Issuer = "https://login.example.cn/tenant/v2.0";
    private static readonly string[] SignIn =
    [
        "--WebChat:Authentication:Authority=http://127.0.0.1:9/", "--WebChat:Authentication:ClientId=meetingbot",
        "--WebChat:Authentication:ClientSecret=secret", "--WebChat:Authentication:DevelopmentOnlyAllowAnonymous=false", "--environment=Production",
    ];

    private readonly TempFolder _folder = new();

    private string Database => _folder.File("bot.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task With_sign_in_the_page_cannot_name_its_own_user_and_tokens_without_a_session_are_refused()
    {
        await using var bot = await RunningBot.StartAsync(Database, SignIn);
        var client = new DirectLineTestClient(bot.Http);

        using var generate = await bot.Http.PostAsJsonAsync(DirectLineTestClient.Base + "/tokens/generate", new { user = new { id = DirectLineTestClient.NewUserId() } });
        using var session = await bot.Http.GetAsync("/webchat/session");
        using var token = await bot.Http.PostAsync("/webchat/token", null);
        var (sessionless, _) = await bot.Services.GetRequiredService<DirectLineTokens>().IssueAsync(new DirectLineUser(DirectLineTestClient.NewUserId()), CancellationToken.None);
        using var start = await client.SendAsync(HttpMethod.Post, "/conversations", sessionless);

        // Not served (the CORS preflight route answers the path, for OPTIONS only).
        Assert.Equal(HttpStatusCode.MethodNotAllowed, generate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
    }

    [Fact]
    public async Task A_token_lives_only_while_its_session_does()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await RunningBot.StartAsync(Database, [.. SignIn, "--WebChat:Authentication:SessionLifetime=00:10:00"],
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var client = new DirectLineTestClient(bot.Http);
        var (token, identity) = await OpenSessionAsync(bot, "cadre-1", TimeSpan.FromMinutes(10));
        using var started = await client.SendAsync(HttpMethod.Post, "/conversations", token);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(11));
        using var poll = await client.SendAsync(HttpMethod.Get, $"/conversations/{identity.ConversationId}/activities?watermark=", token);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", token);

        // The token itself is valid for 30 minutes; its session is over.
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task An_administrator_closes_every_session_of_a_user_and_their_tokens_die_on_the_running_bot()
    {
        await using var bot = await RunningBot.StartAsync(Database, SignIn);
        var client = new DirectLineTestClient(bot.Http);
        var (laptop, identity) = await OpenSessionAsync(bot, "cadre-1", TimeSpan.FromHours(8));
        var (phone, _) = await OpenSessionAsync(bot, "cadre-1", TimeSpan.FromHours(8));
        var (colleague, other) = await OpenSessionAsync(bot, "cadre-2", TimeSpan.FromHours(8));
        using var _ = await client.SendAsync(HttpMethod.Post, "/conversations", laptop);
        using var __ = await client.SendAsync(HttpMethod.Post, "/conversations", colleague);

        var closed = await SessionRevocation.RunAsync(Issuer, "cadre-1", [.. SignIn, $"--Storage:Embedded:Path={Database}"], CancellationToken.None);

        Assert.Equal(2, closed);
        foreach (var token in new[] { laptop, phone })
        {
            using var refresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", token);
            Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        }

        using var poll = await client.SendAsync(HttpMethod.Get, $"/conversations/{identity.ConversationId}/activities?watermark=", laptop);
        using var colleagues = await client.SendAsync(HttpMethod.Get, $"/conversations/{other.ConversationId}/activities?watermark=", colleague);
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal(HttpStatusCode.OK, colleagues.StatusCode);
    }

    [Fact]
    public async Task Every_instance_on_one_store_reads_the_cookies_another_wrote_for_the_keys_are_in_the_store()
    {
        await using var one = await RunningBot.StartAsync(Database, SignIn);
        await using var two = await RunningBot.StartAsync(Database, SignIn);

        var cookie = one.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("signed in");

        Assert.Equal("signed in", two.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(cookie));
        // In the store, not in a folder of this machine that another instance would not see.
        var keys = await one.Services.GetRequiredService<MeetingBot.Storage.IDocumentStore>().QueryPartitionAsync("system-dataprotection", "dataprotection-key", CancellationToken.None);
        Assert.NotEmpty(keys);
    }

    /// <summary>What a sign-in does for the provider's user <paramref name="subject"/>: a session, and the page's token for it.</summary>
    private static async Task<(string Token, DirectLineIdentity Identity)> OpenSessionAsync(RunningBot bot, string subject, TimeSpan lifetime)
    {
        var tokens = bot.Services.GetRequiredService<DirectLineTokens>();
        var userId = await tokens.UserIdOfAsync(Issuer, subject, CancellationToken.None);
        var session = await bot.Services.GetRequiredService<SignInSessions>().OpenAsync(userId, lifetime, CancellationToken.None);
        return await tokens.IssueAsync(new DirectLineUser(userId, "张明", session), CancellationToken.None);
    }
}
