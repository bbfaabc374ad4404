using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>The headers every response of the host carries, the page's and the endpoints', errors included.</summary>
public sealed partial class SecurityHeadersTests
{
    public static TheoryData<string, string> Requests => new()
    {
        { "GET", "/" },
        { "GET", "/chat.js" },
        { "GET", "/lib/webchat.js" },
        { "GET", "/webchat/session" },
        { "GET", "/health" },
        { "GET", "/no-such-page" },
        { "POST", "/api/messages" },
        { "GET", "/v3/directline/conversations/dlc_x/activities" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_response_says_scripts_come_only_from_the_bot_no_sniffing_and_no_referrer(string method, string path)
    {
        await using var bot = await RunningBot.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };

        using var response = await bot.Http.SendAsync(request);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task An_intranet_portal_may_be_allowed_to_embed_the_page()
    {
        await using var bot = await RunningBot.StartAsync(["--WebChat:FrameAncestors='self' https://portal.example.cn"]);

        using var response = await bot.Http.GetAsync("/");

        Assert.EndsWith("frame-ancestors 'self' https://portal.example.cn", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pages_have_no_inline_script_for_the_policy_to_refuse()
    {
        foreach (var page in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "MeetingBot.Web", "WebChat"), "*.html"))
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(EventHandlerAttribute(), html);
        }
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
