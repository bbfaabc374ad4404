using System.Text;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>The WeCom API client against the stand-in: token cache and refresh, backoff, errors by errcode (docs/protocols.md E.8–E.10).</summary>
public sealed class WeComApiClientTests : IAsyncLifetime
{
    private WeComServices _wecom = null!;

    public async Task InitializeAsync() => _wecom = await WeComServices.StartAsync();

    public async Task DisposeAsync() => await _wecom.DisposeAsync();

    [Fact]
    public async Task A_text_goes_to_the_member_from_the_app_as_utf8_without_unicode_escapes()
    {
        const string content = "您好！请回复序号。\n1. 年度民主生活会 😀 \"引号\" \\ <a href=\"https://example.org\">链接</a>";

        await _wecom.Client.SendTextAsync("zhangsan", content, CancellationToken.None);

        var sent = Assert.Single(_wecom.Api.Sent);
        Assert.Equal(("zhangsan", WeComServices.AgentId, "text", content), (sent.ToUser, sent.AgentId, sent.MsgType, sent.Content));
        Assert.DoesNotContain("\\u", sent.RawBody, StringComparison.Ordinal);
        Assert.Contains("年度民主生活会 😀", sent.RawBody, StringComparison.Ordinal);
        Assert.Empty(_wecom.Api.Unexpected);
    }

    [Fact]
    public async Task The_token_is_fetched_once_and_reused()
    {
        for (var i = 0; i < 3; i++)
        {
            await _wecom.Client.SendTextAsync("zhangsan", $"第{i}条", CancellationToken.None);
        }

        Assert.Equal(1, _wecom.Api.TokenRequests);
        Assert.All(_wecom.Api.Sent, s => Assert.Equal("token-1", s.AccessToken));
    }

    [Fact]
    public async Task The_token_is_fetched_again_shortly_before_it_expires()
    {
        await _wecom.Client.SendTextAsync("zhangsan", "一", CancellationToken.None);

        _wecom.Time.Advance(TimeSpan.FromSeconds(7200 - 301));
        await _wecom.Client.SendTextAsync("zhangsan", "二", CancellationToken.None);
        Assert.Equal(1, _wecom.Api.TokenRequests);

        _wecom.Time.Advance(TimeSpan.FromSeconds(1));
        await _wecom.Client.SendTextAsync("zhangsan", "三", CancellationToken.None);
        Assert.Equal(2, _wecom.Api.TokenRequests);
    }

    [Fact]
    public async Task An_expired_token_42001_is_refreshed_and_the_call_made_once_more()
    {
        await _wecom.Client.SendTextAsync("zhangsan", "一", CancellationToken.None);
        _wecom.Api.ExpireCurrentToken();

        await _wecom.Client.SendTextAsync("zhangsan", "二", CancellationToken.None);

        Assert.Equal(2, _wecom.Api.TokensIssued);
        Assert.Equal(3, _wecom.Api.SendAttempts);
        Assert.Equal(["token-1", "token-2"], _wecom.Api.Sent.Select(s => s.AccessToken));
    }

    [Fact]
    public async Task An_invalid_token_40014_twice_in_a_row_is_an_error_not_a_loop()
    {
        _wecom.Api.FailNextSends(40014, 40014);

        var error = await Assert.ThrowsAsync<WeComApiException>(() => _wecom.Client.SendTextAsync("zhangsan", "一", CancellationToken.None));

        Assert.Equal(40014, error.ErrCode);
        Assert.Equal(2, _wecom.Api.SendAttempts);
        Assert.Equal(2, _wecom.Api.TokenRequests);
    }

    [Fact]
    public async Task Frequency_limit_45009_is_retried_after_growing_waits()
    {
        _wecom.Api.FailNextSends(45009, 45009, 45009);

        var send = _wecom.Client.SendTextAsync("zhangsan", "限频后仍送达", CancellationToken.None);
        foreach (var expected in new[] { 1, 2, 4 })
        {
            Assert.Equal(TimeSpan.FromSeconds(expected), await _wecom.Time.NextTimerAsync());
            Assert.False(send.IsCompleted);
            _wecom.Time.Advance(TimeSpan.FromSeconds(expected));
        }

        await send.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, _wecom.Api.SendAttempts);
        Assert.Equal("限频后仍送达", Assert.Single(_wecom.Api.Sent).Content);
    }

    [Fact]
    public async Task System_busy_minus_1_is_retried_three_times_then_reported_by_errcode()
    {
        _wecom.Api.FailNextSends(-1, -1, -1, -1);

        var send = _wecom.Client.SendTextAsync("zhangsan", "一", CancellationToken.None);
        foreach (var expected in new[] { 1, 2, 4 })
        {
            Assert.Equal(TimeSpan.FromSeconds(expected), await _wecom.Time.NextTimerAsync());
            _wecom.Time.Advance(TimeSpan.FromSeconds(expected));
        }

        var error = await Assert.ThrowsAsync<WeComApiException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal((-1, "message/send"), (error.ErrCode, error.Operation));
        Assert.Equal(4, _wecom.Api.SendAttempts);
        Assert.DoesNotContain("一", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_errcodes_fail_at_once()
    {
        _wecom.Api.FailNextSends(81013);

        var error = await Assert.ThrowsAsync<WeComApiException>(() => _wecom.Client.SendTextAsync("nobody", "一", CancellationToken.None));

        Assert.Equal(81013, error.ErrCode);
        Assert.Equal(1, _wecom.Api.SendAttempts);
    }

    [Fact]
    public async Task Names_come_from_user_get_and_a_refusal_is_an_errcode()
    {
        _wecom.Api.Names["zhangming"] = "张明";

        Assert.Equal("张明", await _wecom.Client.GetUserNameAsync("zhangming", CancellationToken.None));
        var refused = await Assert.ThrowsAsync<WeComApiException>(() => _wecom.Client.GetUserNameAsync("hidden", CancellationToken.None));
        Assert.Equal(60011, refused.ErrCode);
    }

    [Fact]
    public void The_message_body_escapes_only_what_json_requires()
    {
        var body = Encoding.UTF8.GetString(WeComRequests.TextMessage("u", 7, "中\"\\\n\t\u0001😀<>&'"));

        Assert.Equal("{\"touser\":\"u\",\"msgtype\":\"text\",\"agentid\":7,\"text\":{\"content\":\"中\\\"\\\\\\n\\t\\u0001😀<>&'\"},\"safe\":0}", body);
    }
}
