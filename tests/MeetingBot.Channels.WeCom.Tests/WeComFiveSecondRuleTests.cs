using System.Diagnostics;
using System.Net;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>
/// The 5-second rule (docs/protocols.md E.6) with a turn made slow by holding the stand-in's user/get:
/// the callback answers within its budget, the reply follows through message/send exactly once,
/// and host shutdown waits for it.
/// </summary>
public sealed class WeComFiveSecondRuleTests : IAsyncLifetime
{
    private const string ShortBudget = "--WeCom:PassiveReplyBudget=00:00:00.200";

    private WeComStandIns _standIns = null!;

    public async Task InitializeAsync() => _standIns = await WeComStandIns.StartAsync();

    public async Task DisposeAsync() => await _standIns.DisposeAsync();

    [Fact]
    public async Task A_slow_turn_is_acknowledged_within_the_budget_and_its_reply_sent_once_redelivery_included()
    {
        await using var bot = await _standIns.StartBotAsync(ShortBudget);
        _standIns.Api.HoldUserLookups();
        var xml = WeComSender.TextXml("sunqi", "进度", "1000000000000000010");

        var clock = Stopwatch.StartNew();
        var first = await bot.Sender.PostAsync(xml);
        var answeredIn = clock.Elapsed;
        var redelivered = await bot.Sender.PostAsync(xml);

        Assert.Equal(new WeComExchange(HttpStatusCode.OK, null), first);
        Assert.Equal(new WeComExchange(HttpStatusCode.OK, null), redelivered);
        Assert.True(answeredIn < TimeSpan.FromSeconds(4), $"answered after {answeredIn}");
        Assert.Empty(_standIns.Api.Sent);
        Assert.Null(await bot.ReadConversationAsync("sunqi"));

        _standIns.Api.ReleaseUserLookups();
        await bot.WhenIdleAsync();

        var sent = Assert.Single(_standIns.Api.Sent);
        Assert.Equal("sunqi", sent.ToUser);
        Assert.Single((await bot.ReadConversationAsync("sunqi"))!.RecentActivityIds, "1000000000000000010");
        Assert.Equal(1, _standIns.Api.UserLookups);
    }

    [Fact]
    public async Task Host_shutdown_waits_for_a_turn_still_running_and_sends_its_reply()
    {
        var bot = await _standIns.StartBotAsync(ShortBudget);
        _standIns.Api.HoldUserLookups();
        await bot.Sender.TextAsync("zhouba", "进度");

        var stopping = bot.DisposeAsync().AsTask();
        _standIns.Api.ReleaseUserLookups();
        await stopping;

        Assert.Equal("zhouba", Assert.Single(_standIns.Api.Sent).ToUser);
    }
}
