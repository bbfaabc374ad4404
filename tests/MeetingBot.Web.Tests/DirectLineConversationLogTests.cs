using MeetingBot.Channels.BotFramework;
using MeetingBot.Channels.DirectLine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>The in-memory conversation logs: bounded, time-based watermarks, idle logs dropped.</summary>
public sealed class DirectLineConversationLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Watermarks_grow_even_within_one_clock_tick_and_start_from_the_clock()
    {
        var log = new ConversationLog("c", capacity: 10, maxBytes: 1 << 20, Start);

        var first = Append(log, Start, "1");
        var second = Append(log, Start, "2");

        Assert.Equal(Start, first.Timestamp);
        Assert.True(second.Timestamp > first.Timestamp);
        Assert.Equal(["1", "2"], log.After(null).Activities.Select(a => a.Text));
        Assert.Equal(["2"], log.After(Start.UtcTicks.ToString()).Activities.Select(a => a.Text));
        Assert.Equal((Start.UtcTicks + 1).ToString(), log.After(null).Watermark);
    }

    [Fact]
    public void A_new_log_after_a_restart_continues_above_the_watermarks_of_the_old_one()
    {
        var before = new ConversationLog("c", capacity: 10, maxBytes: 1 << 20, Start);
        Append(before, Start, "before");
        var oldWatermark = before.After(null).Watermark;

        var after = new ConversationLog("c", capacity: 10, maxBytes: 1 << 20, Start.AddSeconds(5));
        Assert.Empty(after.After(oldWatermark).Activities);
        Assert.Equal(oldWatermark, after.After(oldWatermark).Watermark);

        Append(after, Start.AddSeconds(5), "after");
        Assert.Equal(["after"], after.After(oldWatermark).Activities.Select(a => a.Text));
    }

    [Fact]
    public void Only_the_latest_activities_are_kept()
    {
        var log = new ConversationLog("c", capacity: 3, maxBytes: 1 << 20, Start);
        for (var i = 1; i <= 5; i++)
        {
            Append(log, Start.AddSeconds(i), i.ToString());
        }

        Assert.Equal(["3", "4", "5"], log.After("").Activities.Select(a => a.Text));
    }

    [Fact]
    public void Logs_idle_past_their_lifetime_are_dropped()
    {
        var clock = new FakeTimeProvider(Start);
        var options = Options.Create(new DirectLineOptions { IdleConversationLifetime = TimeSpan.FromHours(2) });
        var logs = new ConversationLogs(options, clock, NullLogger<ConversationLogs>.Instance);
        logs.GetOrAdd("idle", out var created);
        logs.GetOrAdd("busy", out _);
        Assert.True(created);

        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.NotNull(logs.Find("busy"));
        clock.Advance(TimeSpan.FromMinutes(40));
        Assert.NotNull(logs.Find("busy"));

        Assert.Null(logs.Find("idle"));
        Assert.Equal(1, logs.Count);
    }

    private static Activity Append(ConversationLog log, DateTimeOffset now, string text) =>
        log.Append(now, (id, timestamp) => new Activity { Type = ActivityTypes.Message, Id = id, Timestamp = timestamp, Text = text });
}
