using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Debian's chromium driven by Playwright, headless and kept off the network: nothing is downloaded
/// by the tests, and the only pages it opens are on loopback.
/// </summary>
public static class Browser
{
    private const string Chromium = "/usr/bin/chromium";

    // Web Chat polls every second; the first load also parses a 4 MB script.
    public static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    /// <summary>
    /// A page in a browser of its own (zh-CN), recording what the page's Content-Security-Policy
    /// refused. Requests to anywhere but loopback are aborted: the tests reach nothing beyond this machine.
    /// </summary>
    public static async Task<BrowserPage> OpenAsync()
    {
        Assert.True(File.Exists(Chromium), $"This test needs Chromium at {Chromium}; install it with `apt-get install -y chromium`.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        var context = await browser.NewContextAsync(new() { Locale = "zh-CN" });
        await context.RouteAsync("**/*", route => new Uri(route.Request.Url) is { IsLoopback: true } or { Scheme: "data" or "blob" } ? route.ContinueAsync() : route.AbortAsync());
        var opened = new BrowserPage(playwright, browser, await context.NewPageAsync());

        // Every document of the page reports what its policy refused; the test's own scripts run outside the policy.
        await opened.Page.ExposeFunctionAsync("reportRefusedByPolicy", (string violation) =>
        {
            lock (opened.Violations)
            {
                opened.Violations.Add(violation);
            }
        });
        await opened.Page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => reportRefusedByPolicy(location.href + ': ' + e.violatedDirective + ' ' + e.blockedURI));");
        return opened;
    }

    /// <summary>The newest bot bubble with the text; the transcript's screen-reader copy is not a bubble.</summary>
    public static ILocator BotBubble(IPage page, string text) =>
        page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasText = text }).Last;

    /// <summary>Types an answer into Web Chat's send box and sends it.</summary>
    public static async Task SayAsync(IPage page, string text)
    {
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
        await Expect(page.Locator(".webchat__bubble--from-user").Filter(new() { HasText = text }).Last).ToBeVisibleAsync(Visible);
    }
}

/// <summary>A page of <see cref="Browser.OpenAsync"/>; disposing closes its browser.</summary>
public sealed class BrowserPage(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>What the page's Content-Security-Policy refused, as the browser reported it.</summary>
    public List<string> Violations { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
