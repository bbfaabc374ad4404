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
    public async Task The_page_takes_a_button_click_typed_answers_and_several_choices_ticked_in_a_card()
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
        await page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = meetingKind.Options[3].Label, Exact = true }).ClickAsync();
        await Expect(BotBubble(page, DirectLineTestClient.Prompt("name"))).ToBeVisibleAsync(Visible);

        await SayAsync(page, "张明");
        await Expect(BotBubble(page, DirectLineTestClient.Prompt("unit"))).ToBeVisibleAsync(Visible);

        // The answer shows as the user's, confirmed by its echo (D.5): nothing is left "sending".
        await Expect(page.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0);
        Assert.StartsWith("dl_", await page.EvaluateAsync<string>("localStorage.getItem('meetingbot.userId')"), StringComparison.Ordinal);

        // A question with several answers comes as a card: tick two, then 确定.
        foreach (var answer in new[] { "市交通运输局", "党组成员、副局长", "综合规划", "26", "18", "党的二十届四中全会精神" })
        {
            await SayAsync(page, answer);
        }

        var problems = DirectLineTestClient.Bank.StepsById["learning_problems"];
        var card = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = problems.Prompt[..12] }).Last;
        await card.GetByRole(AriaRole.Checkbox, new() { Name = problems.Options[0].Label, Exact = true }).CheckAsync();
        await card.GetByRole(AriaRole.Checkbox, new() { Name = problems.Options[2].Label, Exact = true }).CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        await Expect(BotBubble(page, "关于“" + problems.Options[0].Label + "”，建议表述是")).ToBeVisibleAsync(Visible);

        // Both ticks were taken: after the first problem's three questions comes the second's.
        foreach (var answer in new[] { "采用", "工作一忙就把自学往后放", "今年一季度3次中心组学习，我有2次没有准备发言" })
        {
            await SayAsync(page, answer);
        }

        await Expect(BotBubble(page, "关于“" + problems.Options[2].Label + "”，建议表述是")).ToBeVisibleAsync(Visible);
        Assert.Empty(browser.Violations);
    }
}
