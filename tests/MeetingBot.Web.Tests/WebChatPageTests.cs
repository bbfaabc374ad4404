using MeetingBot.TestKit.Hosting;
using Microsoft.Playwright;
using Xunit;
using static MeetingBot.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace MeetingBot.Web.Tests;

/// <summary>
/// The Web Chat page at / in a real browser against the real host in the Development environment
/// (what the README's run command gives): no sign-in, said on the page; Web Chat from /lib, Direct
/// Line by polling, everything under the page's Content-Security-Policy.
/// </summary>
public sealed class WebChatPageTests : IAsyncLifetime
{
    private RunningBot _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await RunningBot.StartAsync(["--environment=Development", "--WebChat:Authentication:DevelopmentOnlyAllowAnonymous=false"]);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_page_asks_the_meeting_kind_takes_a_button_click_and_a_typed_answer()
    {
        await using var browser = await OpenAsync();
        var page = browser.Page;
        var meetingKind = DirectLineTestClient.Bank.StepsById["meeting_kind"];

        await page.GotoAsync(_bot.Address.ToString());
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await Expect(BotBubble(page, meetingKind.Prompt)).ToBeVisibleAsync(Visible);
        await Expect(page.GetByText("本地开发模式，未启用登录")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeHiddenAsync();

        // The suggested actions under the latest bot message (the live region holds an inert copy of them).
        await page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = meetingKind.Options[0].Label, Exact = true }).ClickAsync();
        await Expect(BotBubble(page, DirectLineTestClient.Prompt("name"))).ToBeVisibleAsync(Visible);

        await SayAsync(page, "张明");
        await Expect(BotBubble(page, DirectLineTestClient.Prompt("unit"))).ToBeVisibleAsync(Visible);

        // The answer shows as the user's, confirmed by its echo (D.5): nothing is left "sending".
        await Expect(page.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0);
        Assert.StartsWith("dl_", await page.EvaluateAsync<string>("localStorage.getItem('meetingbot.userId')"), StringComparison.Ordinal);
        Assert.Empty(browser.Violations);
    }
}
