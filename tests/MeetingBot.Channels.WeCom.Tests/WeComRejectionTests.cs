using System.Net;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>Callbacks that are not WeCom's, or not for this corp, are refused and leave nothing behind (docs/protocols.md E.3–E.5).</summary>
public sealed class WeComRejectionTests : WeComHostTest
{
    private const string Nonce = WeComSender.Nonce;
    private const string Attacker = "attacker";

    private WeComCrypto Crypto => Bot.Sender.Crypto;

    private string? _timestamp;

    // Fresh, so that each test reaches the check it is about; one per test, so what is signed is what is sent.
    private string Timestamp => _timestamp ??= Bot.Sender.Timestamp();

    [Fact]
    public async Task A_bad_signature_is_403()
    {
        var encrypt = Crypto.Encrypt(WeComSender.TextXml(Attacker, "1", "1"));

        var signature = Crypto.Sign(Timestamp, Nonce, encrypt);
        var forged = (signature[0] == '0' ? "1" : "0") + signature[1..];

        await ExpectRefusedAsync(HttpStatusCode.Forbidden, WeComSender.Envelope(encrypt), forged);
    }

    [Fact]
    public async Task A_missing_signature_is_403()
    {
        var encrypt = Crypto.Encrypt(WeComSender.TextXml(Attacker, "1", "1"));

        await ExpectRefusedAsync(HttpStatusCode.Forbidden, WeComSender.Envelope(encrypt), "");
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    [InlineData(-30 * 24 * 3600)]
    public async Task A_signed_callback_from_outside_the_five_minute_window_is_403(int secondsFromNow)
    {
        // A captured callback replayed later, after its MsgId has left the remembered ids.
        var encrypt = Crypto.Encrypt(WeComSender.TextXml(Attacker, "1", Bot.Sender.NextMsgId()));
        var timestamp = Bot.Sender.Timestamp(TimeSpan.FromSeconds(secondsFromNow));

        await ExpectRefusedAsync(HttpStatusCode.Forbidden, WeComSender.Envelope(encrypt), Crypto.Sign(timestamp, Nonce, encrypt), timestamp);
    }

    [Fact]
    public async Task A_message_for_another_corp_is_403_even_when_signed()
    {
        var otherCorp = new WeComCrypto(WeComCryptoTests.Token, WeComCryptoTests.EncodingAesKey, "ww0000000000000001");
        var encrypt = otherCorp.Encrypt(WeComSender.TextXml(Attacker, "1", "1"));

        await ExpectRefusedAsync(HttpStatusCode.Forbidden, WeComSender.Envelope(encrypt), Crypto.Sign(Timestamp, Nonce, encrypt));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(5)]
    public async Task A_truncated_ciphertext_is_403_even_when_signed(int bytesCut)
    {
        var whole = Convert.FromBase64String(Crypto.Encrypt(WeComSender.TextXml(Attacker, "1", "1")));
        var encrypt = Convert.ToBase64String(whole[..^bytesCut]);

        await ExpectRefusedAsync(HttpStatusCode.Forbidden, WeComSender.Envelope(encrypt), Crypto.Sign(Timestamp, Nonce, encrypt));
    }

    [Fact]
    public async Task An_external_entity_in_the_envelope_is_400()
    {
        const string body = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>x</ToUserName><Encrypt>&xxe;</Encrypt></xml>";

        await ExpectRefusedAsync(HttpStatusCode.BadRequest, body, Crypto.Sign(Timestamp, Nonce, "&xxe;"));
    }

    [Fact]
    public async Task An_external_entity_inside_a_signed_encrypted_message_is_400()
    {
        var message = $"<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>{WeComCryptoTests.CorpId}</ToUserName><FromUserName>{Attacker}</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>";
        var encrypt = Crypto.Encrypt(message);

        await ExpectRefusedAsync(HttpStatusCode.BadRequest, WeComSender.Envelope(encrypt), Crypto.Sign(Timestamp, Nonce, encrypt));
    }

    [Fact]
    public async Task An_oversized_body_is_413_before_it_is_read_as_xml()
    {
        var encrypt = Crypto.Encrypt(WeComSender.TextXml(Attacker, new string('长', 30_000), "1"));

        await ExpectRefusedAsync(HttpStatusCode.RequestEntityTooLarge, WeComSender.Envelope(encrypt), Crypto.Sign(Timestamp, Nonce, encrypt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"encrypt\":\"json is not the envelope of app messages\"}")]
    [InlineData("<xml><ToUserName>x</ToUserName></xml>")]
    public async Task A_body_that_is_no_envelope_is_400(string body)
    {
        await ExpectRefusedAsync(HttpStatusCode.BadRequest, body, Crypto.Sign(Timestamp, Nonce, "x"));
    }

    /// <summary>Posts and checks the status, an empty body, and that nothing was stored or sent.</summary>
    private async Task ExpectRefusedAsync(HttpStatusCode expected, string body, string signature, string? timestamp = null)
    {
        using var response = await Bot.Sender.PostRawAsync(body, signature, timestamp ?? Timestamp, Nonce);
        await Bot.WhenIdleAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(await Bot.ReadConversationAsync(Attacker));
        Assert.Equal(0, StandIns.Api.SendAttempts + StandIns.Api.TokenRequests + StandIns.Api.UserLookups);
    }
}
