using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace MeetingBot.Web.Tests;

/// <summary>
/// The Web Chat page at / in a real browser against the real host: Web Chat from /lib, Direct Line by
/// polling. The browser is Debian's chromium; nothing is downloaded by the test.
/// </summary>
public sealed class WebChatPageTests(BotServerFixture server) : IClassFixture<BotServerFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    // Web Chat polls every second; the first load also parses a 4 MB script.
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_page_takes_a_button_click_typed_answers_and_several_choices_ticked_in_a_card()
    {
        Assert.True(File.Exists(Chromium), $"This test needs Chromium at {Chromium}; install it with `apt-get install -y chromium`.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        await using var context = await browser.NewContextAsync(new() { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var meetingKind = DirectLineTestClient.Bank.StepsById["meeting_kind"];

        await page.GotoAsync(server.BaseAddress.ToString());
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await Expect(BotBubble(page, meetingKind.Prompt)).ToBeVisibleAsync(Visible);

        // The suggested actions under the latest bot message (the live region holds an inert copy of them).
        await page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = meetingKind.Options[3].Label, Exact = true }).ClickAsync();
        await Expect(BotBubble(page, DirectLineTestClient.Prompt("name"))).ToBeVisibleAsync(Visible);

        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("张明");
        await sendBox.PressAsync("Enter");
        await Expect(BotBubble(page, DirectLineTestClient.Prompt("unit"))).ToBeVisibleAsync(Visible);

        // The answer shows as the user's, confirmed by its echo (D.5): nothing is left "sending".
        await Expect(page.Locator(".webchat__bubble--from-user").Filter(new() { HasText = "张明" })).ToBeVisibleAsync(Visible);
        await Expect(page.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0);
        Assert.StartsWith("dl_", await page.EvaluateAsync<string>("localStorage.getItem('meetingbot.userId')"), StringComparison.Ordinal);

        // A question with several answers comes as a card: tick two, then 确定.
        foreach (var answer in new[] { "市交通运输局", "党组成员、副局长", "综合规划", "26", "18", "党的二十届四中全会精神" })
        {
            await sendBox.FillAsync(answer);
            await sendBox.PressAsync("Enter");
            await Expect(page.Locator(".webchat__bubble--from-user").Filter(new() { HasText = answer }).Last).ToBeVisibleAsync(Visible);
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
            await sendBox.FillAsync(answer);
            await sendBox.PressAsync("Enter");
            await Expect(page.Locator(".webchat__bubble--from-user").Filter(new() { HasText = answer }).Last).ToBeVisibleAsync(Visible);
        }

        await Expect(BotBubble(page, "关于“" + problems.Options[2].Label + "”，建议表述是")).ToBeVisibleAsync(Visible);
    }

    /// <summary>The newest bot bubble with the text; the transcript's screen-reader copy is not a bubble.</summary>
    private static ILocator BotBubble(IPage page, string text) =>
        page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasText = text }).Last;
}
