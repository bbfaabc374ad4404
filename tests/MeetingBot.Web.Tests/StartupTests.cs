using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Buffers.Text;
using System.Net;
using MeetingBot.Channels.DirectLine;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>What the host refuses to start with, naming the setting to fix, and what it warns about.</summary>
public sealed class StartupTests : IDisposable
{
    private const string Secret = "a-deployment-secret-of-at-least-32-characters";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Outside_development_a_page_without_sign_in_stops_the_start_unless_the_development_setting_is_set()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunningBot.StartAsync(["--environment=Production", "--WebChat:Authentication:DevelopmentOnlyAllowAnonymous=false"]));
        await using var withoutPage = await RunningBot.StartAsync(["--environment=Production", "--WebChat:Authentication:DevelopmentOnlyAllowAnonymous=false", "--DirectLine:Enabled=false"]);

        Assert.Contains("WebChat:Authentication:Authority", refused.Message, StringComparison.Ordinal);
        Assert.Contains("WebChat:Authentication:DevelopmentOnlyAllowAnonymous", refused.Message, StringComparison.Ordinal);
        using var page = await withoutPage.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task In_development_the_page_runs_without_sign_in_and_the_start_up_warns()
    {
        var logs = new CapturedLogs();
        await using var bot = await RunningBot.StartAsync(["--environment=Development", "--WebChat:Authentication:DevelopmentOnlyAllowAnonymous=false"],
            builder => builder.Logging.AddProvider(logs));

        var session = await bot.Http.GetStringAsync("/webchat/session");

        Assert.Contains("\"signIn\":false", session, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.EventId == 9001 && l.Level == LogLevel.Warning);
    }

    [Theory]
    [InlineData("--WebChat:Authentication:ClientId=x", "WebChat:Authentication:Authority is required")]
    [InlineData("--WebChat:Authentication:Authority=https://login.example.cn/t/v2.0", "WebChat:Authentication:ClientId is required")]
    [InlineData("--WebChat:Authentication:Authority=http://login.example.cn/t/v2.0", "WebChat:Authentication:Authority must be an absolute https URL")]
    [InlineData("--DirectLine:SigningSecret=too-short", "DirectLine:SigningSecret must have at least 32 characters")]
    [InlineData("--WebChat:FrameAncestors='self'; script-src *", "WebChat:FrameAncestors must be")]
    public async Task A_wrong_setting_stops_the_start_naming_it(string setting, string message)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => RunningBot.StartAsync([setting]));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_stops_the_host_naming_the_path_and_the_setting()
    {
        // A file where the database's folder should be: neither can be made.
        var blocker = _folder.File("blocker");
        await File.WriteAllTextAsync(blocker, "");
        var path = Path.Combine(blocker, "bot.db");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningBot.StartAsync(path));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Embedded:Path", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signing_secret_from_configuration_signs_for_every_instance_and_is_not_stored()
    {
        await using var one = await RunningBot.StartAsync(_folder.File("one.db"), [$"--DirectLine:SigningSecret={Secret}"]);
        await using var two = await RunningBot.StartAsync(_folder.File("two.db"), [$"--DirectLine:SigningSecret={Secret}"]);
        var (page, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(one.Http));

        using var refreshed = await new DirectLineTestClient(two.Http).SendAsync(HttpMethod.Post, "/tokens/refresh", page.Token);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Null(await one.Services.GetRequiredService<MeetingBot.Storage.IDocumentStore>().ReadAsync(DirectLineKeys.DocumentKey, CancellationToken.None));
    }

    [Fact]
    public async Task A_signed_token_with_an_absurd_expiry_is_refused_not_a_server_error()
    {
        await using var bot = await RunningBot.StartAsync(_folder.File("bot.db"), [$"--DirectLine:SigningSecret={Secret}"]);
        var (page, _) = await DirectLineSession.OpenAsync(new DirectLineTestClient(bot.Http));

        // Signed as the bot signs (docs/protocols.md D.1): only someone holding the secret could send it.
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["u"] = page.UserId, ["c"] = page.ConversationId, ["exp"] = long.MaxValue });
        var signed = "dl1." + Base64Url.EncodeToString(payload);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(Secret), 32, info: "meetingbot directline token"u8.ToArray());
        var token = signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed)));
        using var response = await new DirectLineTestClient(bot.Http).SendAsync(HttpMethod.Post, "/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
