using System.Net;
using System.Text.Json;
using MeetingBot.Dialogs.Bank;
using MeetingBot.TestKit.Hosting;
using MeetingBot.Web.SignIn;
using Microsoft.Playwright;
using Xunit;
using static MeetingBot.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace MeetingBot.Web.Tests;

/// <summary>
/// The page with sign-in, in a real browser against a real OpenID Connect provider (oidc-provider on
/// loopback), as on a shared office PC: one cadre signs in, answers, signs out; the next signs in
/// in the same browser and sees nothing of the first; the first one's Direct Line token is dead.
/// </summary>
public sealed class WebChatSignInTests : IAsyncLifetime
{
    // The welcome-back message up to where it names the cadre's place in the self-check.
    private static readonly string WelcomeBack = DirectLineTestClient.Bank.Message(MessageKeys.WelcomeBack).Split("{{")[0];

    private OpenIdProvider _provider = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _provider = await OpenIdProvider.StartAsync();
        _bot = await RunningBot.StartAsync(_provider.Settings);
        await _provider.RegisterAsync(_bot.Address);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Two_cadres_sign_in_one_after_the_other_in_one_browser_and_each_sees_only_their_own_self_check()
    {
        await using var browser = await OpenAsync();
        var page = browser.Page;
        var tokens = new List<WebChatToken>();
        page.Response += async (_, response) =>
        {
            if (response.Url.EndsWith("/webchat/token", StringComparison.Ordinal) && response.Ok)
            {
                tokens.Add(JsonSerializer.Deserialize<WebChatToken>(await response.BodyAsync(), JsonSerializerOptions.Web)!);
            }
        };
        var meetingKind = DirectLineTestClient.Bank.StepsById["meeting_kind"];

        // The first cadre: the page sends them to the provider, and comes back signed in under their name.
        await page.GotoAsync(_bot.Address.ToString());
        await SignInAsync(page, OpenIdProvider.ZhangMing);
        await Expect(page.Locator("#user-name")).ToHaveTextAsync(OpenIdProvider.ZhangMing.Name);
        await Expect(BotBubble(page, meetingKind.Prompt)).ToBeVisibleAsync(Visible);
        await Expect(page.GetByText("本地开发模式，未启用登录")).ToBeHiddenAsync();

        // Part of a self-check: the name came from the provider, so the unit is asked next.
        await page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = meetingKind.Options[3].Label, Exact = true }).ClickAsync();
        await Expect(BotBubble(page, DirectLineTestClient.Prompt("unit"))).ToBeVisibleAsync(Visible);
        await SayAsync(page, "市交通运输局");
        await Expect(BotBubble(page, DirectLineTestClient.Prompt("post"))).ToBeVisibleAsync(Visible);
        var first = Assert.Single(tokens);

        // Signing out ends the session here and at the provider.
        await SignOutAsync(page);
        using var http = _bot.CreateClient();
        var directLine = new DirectLineTestClient(http);
        using var poll = await directLine.SendAsync(HttpMethod.Get, $"/conversations/{first.ConversationId}/activities?watermark=", first.Token);
        using var refresh = await directLine.SendAsync(HttpMethod.Post, "/tokens/refresh", first.Token);
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);

        // The next cadre at the same browser is asked who they are, and starts from the beginning.
        await page.GetByRole(AriaRole.Link, new() { Name = "重新登录" }).ClickAsync();
        await SignInAsync(page, OpenIdProvider.LiHua);
        await Expect(page.Locator("#user-name")).ToHaveTextAsync(OpenIdProvider.LiHua.Name);
        await Expect(BotBubble(page, meetingKind.Prompt)).ToBeVisibleAsync(Visible);
        var second = tokens[^1];
        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.NotEqual(first.UserId, second.UserId);
        var transcript = await page.Locator("#webchat").InnerTextAsync();
        Assert.DoesNotContain("市交通运输局", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(WelcomeBack, transcript, StringComparison.Ordinal);

        // The first cadre, back later, is back at their own question.
        await SignOutAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "重新登录" }).ClickAsync();
        await SignInAsync(page, OpenIdProvider.ZhangMing);
        await Expect(BotBubble(page, WelcomeBack)).ToBeVisibleAsync(Visible);
        await Expect(BotBubble(page, DirectLineTestClient.Prompt("post"))).ToBeVisibleAsync(Visible);
        Assert.Equal(first.ConversationId, tokens[^1].ConversationId);
        Assert.Empty(browser.Violations);
    }

    /// <summary>Fills in the provider's login page, which the bot's page has sent the browser to.</summary>
    private static async Task SignInAsync(IPage page, (string UserName, string Password, string Name) user)
    {
        await page.GetByLabel("User name").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>退出登录 on the page, confirmed at the provider, ends on the bot's signed-out page.</summary>
    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "您已退出登录" })).ToBeVisibleAsync(Visible);
    }
}
