using System.Globalization;
using System.Net;
using MeetingBot.Conversations;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>/api/wecom on the real host with the official vector's corp and keys (docs/protocols.md E.2–E.7, E.11).</summary>
public sealed class WeComCallbackTests : WeComHostTest
{
    private StandInWeComApi Api => StandIns.Api;

    [Theory]
    [InlineData("P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D")]
    [InlineData("P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==")]
    public async Task Url_verification_answers_the_official_echostr_plaintext_and_nothing_else(string echoStr)
    {
        using var response = await Bot.Http.GetAsync($"/api/wecom?msg_signature={WeComCryptoTests.VerifySignature}&timestamp={WeComCryptoTests.VerifyTimestamp}&nonce={WeComCryptoTests.VerifyNonce}&echostr={echoStr}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1616140317555161061"u8.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Url_verification_with_a_bad_signature_is_refused_without_detail()
    {
        using var response = await Bot.Http.GetAsync($"/api/wecom?msg_signature={new string('0', 40)}&timestamp={WeComCryptoTests.VerifyTimestamp}&nonce={WeComCryptoTests.VerifyNonce}&echostr={Uri.EscapeDataString(WeComCryptoTests.VerifyEchoStr)}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_official_encrypted_message_is_processed_and_answered_passively()
    {
        // The vector was signed in 2014; a bot whose clock reads that moment takes it as fresh.
        await Bot.DisposeAsync();
        Bot = await StandIns.StartBotAsync(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(long.Parse(WeComCryptoTests.MessageTimestamp, CultureInfo.InvariantCulture))));

        using var response = await Bot.Sender.PostRawAsync(WeComSender.Envelope(WeComCryptoTests.MessageEncrypt), WeComCryptoTests.MessageSignature, WeComCryptoTests.MessageTimestamp, WeComCryptoTests.MessageNonce);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<xml><Encrypt>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await Bot.ReadConversationAsync("mycreate");
        Assert.NotNull(stored);
        Assert.Equal(["4561255354251345929"], stored.RecentActivityIds);
    }

    [Fact]
    public async Task Opening_the_app_greets_a_new_member_and_welcomes_a_returning_one_back()
    {
        var first = await Bot.Sender.EventAsync("zhangsan", "enter_agent");
        await Bot.Sender.TextAsync("zhangsan", "1");
        var again = await Bot.Sender.EventAsync("zhangsan", "enter_agent");

        Assert.Contains("您好！我是民主生活会准备助手", first.Passive, StringComparison.Ordinal);
        Assert.Contains("1. 年度民主生活会", first.Passive, StringComparison.Ordinal);
        Assert.Contains("欢迎回来", again.Passive, StringComparison.Ordinal);
        Assert.Empty(Api.Sent);
    }

    [Fact]
    public async Task A_picture_is_answered_as_unsupported_and_other_events_get_an_empty_200()
    {
        var picture = await Bot.Sender.PostAsync(WeComSender.ImageXml("zhangsan", Bot.Sender.NextMsgId()));
        var location = await Bot.Sender.EventAsync("lisi", "LOCATION");

        Assert.Contains("只支持文字", picture.Passive, StringComparison.Ordinal);
        Assert.Equal(new WeComExchange(HttpStatusCode.OK, null), location);
        Assert.Null(await Bot.ReadConversationAsync("lisi"));
    }

    [Fact]
    public async Task A_name_from_the_contact_api_is_used_and_the_name_question_skipped()
    {
        Api.Names["zhangming"] = "张明";

        await Bot.Sender.EventAsync("zhangming", "enter_agent");
        var next = await Bot.Sender.TextAsync("zhangming", "4");
        await Bot.Sender.TextAsync("zhangming", "市交通运输局");

        Assert.Contains("所在单位的全称", next.Passive, StringComparison.Ordinal);
        Assert.Equal("张明", (await Bot.ReadConversationAsync("zhangming"))!.Profile[ProfileRoles.Name]);
        Assert.Equal(1, Api.UserLookups);
    }

    [Fact]
    public async Task Without_contact_access_the_dialog_asks_for_the_name()
    {
        await Bot.Sender.EventAsync("wangwu", "enter_agent");
        var next = await Bot.Sender.TextAsync("wangwu", "4");

        Assert.Contains("请问您的姓名", next.Passive, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_passive_budget_the_callback_is_acknowledged_empty_and_the_reply_sent_actively()
    {
        await RestartAsync("--WeCom:PassiveReplyBudget=00:00:00");

        var exchange = await Bot.Sender.EventAsync("zhaoliu", "enter_agent");
        await Bot.WhenIdleAsync();

        Assert.Equal(new WeComExchange(HttpStatusCode.OK, null), exchange);
        var sent = Assert.Single(Api.Sent);
        Assert.Equal(("zhaoliu", WeComServices.AgentId, "text"), (sent.ToUser, sent.AgentId, sent.MsgType));
        Assert.Contains("您好！我是民主生活会准备助手", sent.Content, StringComparison.Ordinal);
        Assert.Empty(Api.Unexpected);
    }

    [Fact]
    public async Task A_callback_signed_four_minutes_ago_is_still_taken()
    {
        // Clocks drift and WeCom retries: anything within the five-minute window is WeCom's own.
        var encrypt = Bot.Sender.Crypto.Encrypt(WeComSender.TextXml("zhangsan", "开始自查", Bot.Sender.NextMsgId()));
        var timestamp = Bot.Sender.Timestamp(TimeSpan.FromMinutes(-4));

        using var response = await Bot.Sender.PostRawAsync(WeComSender.Envelope(encrypt), Bot.Sender.Crypto.Sign(timestamp, WeComSender.Nonce, encrypt), timestamp, WeComSender.Nonce);
        await Bot.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await Bot.ReadConversationAsync("zhangsan"));
    }

    [Fact]
    public async Task The_channel_is_off_without_a_corp_id()
    {
        using var folder = new TempFolder();
        await using var bot = await WeComBot.StartAsync(folder.File("bot.db"), Api.BaseUrl, clock: null, "--WeCom:CorpId=");

        using var get = await bot.Http.GetAsync("/api/wecom?echostr=x");
        var post = await bot.Sender.TextAsync("zhangsan", "1");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    [Theory]
    [InlineData("WeCom:Secret")]
    [InlineData("WeCom:Token")]
    [InlineData("WeCom:EncodingAESKey")]
    [InlineData("WeCom:AgentId")]
    [InlineData("WeCom:CallbackMaxAge", "00:00:00")]
    public async Task A_missing_or_unusable_setting_stops_the_start_up_naming_the_key(string key, string value = "")
    {
        using var folder = new TempFolder();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => WeComBot.StartAsync(folder.File("bot.db"), Api.BaseUrl, clock: null, $"--{key}={value}"));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Stops this test's bot and starts another on the same database with more settings.</summary>
    private async Task RestartAsync(params string[] settings)
    {
        await Bot.DisposeAsync();
        Bot = await StandIns.StartBotAsync(settings);
    }
}
