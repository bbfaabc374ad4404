using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>Active sending per member: in order, at most 30 a minute, the rest queued (docs/protocols.md E.9).</summary>
public sealed class WeComOutboxTests : IAsyncLifetime
{
    private WeComServices _wecom = null!;

    public async Task InitializeAsync() => _wecom = await WeComServices.StartAsync();

    public async Task DisposeAsync() => await _wecom.DisposeAsync();

    [Fact]
    public async Task Beyond_30_a_minute_messages_wait_for_the_window_instead_of_being_dropped()
    {
        var sends = Enumerable.Range(1, 35).Select(n => _wecom.Outbox.SendAsync("zhangsan", [$"第{n}条"])).ToArray();

        await Task.WhenAll(sends[..30]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromMinutes(1), await _wecom.Time.NextTimerAsync());
        Assert.Equal(30, _wecom.Api.Sent.Count);

        // Another member has a limit of their own.
        await _wecom.Outbox.SendAsync("lisi", ["不受张三的限额影响"]).WaitAsync(TimeSpan.FromSeconds(10));

        _wecom.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(sends[30].IsCompleted);
        _wecom.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(10));

        var toZhangsan = _wecom.Api.Sent.Where(s => s.ToUser == "zhangsan").Select(s => s.Content);
        Assert.Equal(Enumerable.Range(1, 35).Select(n => $"第{n}条"), toZhangsan);
    }

    [Fact]
    public async Task The_parts_of_a_reply_go_out_in_order()
    {
        var parts = WeComText.Split(string.Concat(Enumerable.Range(1, 600).Select(n => $"第{n}行内容\n")));

        await _wecom.Outbox.SendAsync("zhangsan", parts).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(parts.Count > 2);
        Assert.Equal(parts, _wecom.Api.Sent.Select(s => s.Content));
    }

    [Fact]
    public async Task A_reply_that_fails_for_good_stops_there_and_the_next_one_still_goes()
    {
        _wecom.Api.FailNextSends(40003);

        await _wecom.Outbox.SendAsync("zhangsan", ["第一部分", "第二部分"]).WaitAsync(TimeSpan.FromSeconds(10));
        await _wecom.Outbox.SendAsync("zhangsan", ["下一条回复"]).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["下一条回复"], _wecom.Api.Sent.Select(s => s.Content));
        await _wecom.Background.WhenIdleAsync();
    }
}
