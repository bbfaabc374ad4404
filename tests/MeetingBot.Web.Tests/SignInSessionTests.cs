using System.Net;
using System.Net.Http.Json;
using MeetingBot.Channels.DirectLine;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using MeetingBot.Web.SignIn;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
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

        // While the session lives, Web Chat's refresh gets a new token for the same conversation.
        clock.Advance(TimeSpan.FromMinutes(5));
        using var refreshed = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", token);
        var renewed = await DirectLineTestClient.ReadAsync<DirectLineConversation>(refreshed, HttpStatusCode.OK);
        Assert.Equal(identity.ConversationId, renewed.ConversationId);

        clock.Advance(TimeSpan.FromMinutes(6));
        using var poll = await client.SendAsync(HttpMethod.Get, $"/conversations/{identity.ConversationId}/activities?watermark=", token);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", renewed.Token);

        // The tokens themselves are valid for 30 minutes; their session is over.
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
    public async Task Signing_out_closes_the_session_even_when_the_provider_cannot_be_reached_and_a_copy_of_the_cookie_dies_with_it()
    {
        await using var bot = await RunningBot.StartAsync(Database, SignIn);
        var (token, identity) = await OpenSessionAsync(bot, "cadre-1", TimeSpan.FromHours(8));
        var cookie = SessionCookie(bot, identity.User);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = bot.Address };

        using var before = await SendAsync(http, HttpMethod.Get, "/webchat/session", cookie);
        using var signOut = await SendAsync(http, HttpMethod.Post, "/signout", cookie);
        using var after = await SendAsync(http, HttpMethod.Get, "/webchat/session", cookie);
        using var tokenAfter = await SendAsync(http, HttpMethod.Post, "/webchat/token", cookie);
        using var refresh = await new DirectLineTestClient(bot.Http).SendAsync(HttpMethod.Post, "/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(new WebChatSession(SignIn: true, "张明"), await before.Content.ReadFromJsonAsync<WebChatSession>(System.Text.Json.JsonSerializerOptions.Web));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(WebChatSignInEndpoints.SignedOutPage, signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
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

    /// <summary>The session cookie a sign-in leaves in the browser, made with the bot's own cookie protection.</summary>
    private static string SessionCookie(RunningBot bot, DirectLineUser user)
    {
        var options = bot.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(WebChatSignInServiceCollectionExtensions.CookieScheme);
        var identity = new ClaimsIdentity(
            [
                new Claim(WebChatSignInServiceCollectionExtensions.UserClaim, user.UserId),
                new Claim(WebChatSignInServiceCollectionExtensions.SessionClaim, user.SessionId!),
                new Claim(WebChatSignInServiceCollectionExtensions.NameClaim, user.Name!),
            ],
            "test");
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties(), WebChatSignInServiceCollectionExtensions.CookieScheme);
        return options.Cookie.Name + "=" + options.TicketDataFormat.Protect(ticket);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string cookie)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
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
