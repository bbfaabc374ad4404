using System.Globalization;
using System.Net;
using System.Text;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>What the bot answered a callback: the status, and the passive reply decrypted if there was one.</summary>
public sealed record WeComExchange(HttpStatusCode Status, string? Passive);

/// <summary>
/// Plays WeCom's side of the callback (docs/protocols.md E.5): builds the decrypted message XML, encrypts
/// and signs it with a timestamp of the bot's clock, posts it to /api/wecom, and checks and
/// decrypts a passive reply (E.7).
/// </summary>
public sealed class WeComSender(HttpClient http, WeComCrypto crypto, TimeProvider clock)
{
    public const string Nonce = "1372623149";

    private long _nextMsgId = 7_400_000_000_000_000_001;
    private long _clock = 1_760_000_000;

    public WeComCrypto Crypto => crypto;

    /// <summary>The callback timestamp WeCom would send now, moved by <paramref name="offset"/>.</summary>
    public string Timestamp(TimeSpan offset = default) =>
        (clock.GetUtcNow() + offset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string NextMsgId() => Interlocked.Increment(ref _nextMsgId).ToString(CultureInfo.InvariantCulture);

    public static string TextXml(string user, string content, string msgId, long createTime = 1_760_000_000) =>
        $"<xml><ToUserName><![CDATA[{WeComCryptoTests.CorpId}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId><AgentID>{WeComServices.AgentId}</AgentID></xml>";

    public static string EventXml(string user, string eventName, long createTime) =>
        $"<xml><ToUserName><![CDATA[{WeComCryptoTests.CorpId}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>{WeComServices.AgentId}</AgentID></xml>";

    public static string ImageXml(string user, string msgId) =>
        $"<xml><ToUserName><![CDATA[{WeComCryptoTests.CorpId}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>1760000000</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://127.0.0.1:9/p.jpg]]></PicUrl><MediaId><![CDATA[media]]></MediaId><MsgId>{msgId}</MsgId><AgentID>{WeComServices.AgentId}</AgentID></xml>";

    public static string Envelope(string encrypt) =>
        $"<xml><ToUserName><![CDATA[{WeComCryptoTests.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[{WeComServices.AgentId}]]></AgentID></xml>";

    /// <summary>A text message from a member, with a fresh MsgId unless one is given.</summary>
    public Task<WeComExchange> TextAsync(string user, string content, string? msgId = null) => PostAsync(TextXml(user, content, msgId ?? NextMsgId()));

    /// <summary>An event; each gets a later CreateTime unless one is given.</summary>
    public Task<WeComExchange> EventAsync(string user, string eventName, long? createTime = null) =>
        PostAsync(EventXml(user, eventName, createTime ?? Interlocked.Increment(ref _clock)));

    /// <summary>Encrypts, signs and posts a decrypted message as WeCom would.</summary>
    public async Task<WeComExchange> PostAsync(string messageXml)
    {
        var encrypt = crypto.Encrypt(messageXml);
        var timestamp = Timestamp();
        using var response = await PostRawAsync(Envelope(encrypt), crypto.Sign(timestamp, Nonce, encrypt), timestamp, Nonce);
        var body = await response.Content.ReadAsStringAsync();
        return new WeComExchange(response.StatusCode, body.Length == 0 ? null : DecryptReply(body));
    }

    public async Task<HttpResponseMessage> PostRawAsync(string body, string signature, string timestamp, string nonce)
    {
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        return await http.PostAsync($"/api/wecom?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}", content);
    }

    /// <summary>Checks the reply envelope's signature, decrypts it, and returns the text content.</summary>
    private string DecryptReply(string body)
    {
        var envelope = System.Xml.Linq.XElement.Parse(body);
        var encrypt = envelope.Element("Encrypt")!.Value;
        Assert.True(crypto.HasValidSignature(envelope.Element("MsgSignature")!.Value, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypt));
        var reply = WeComXml.ReadMessage(crypto.Decrypt(encrypt));
        Assert.NotNull(reply);
        Assert.Equal(("text", WeComCryptoTests.CorpId), (reply.MsgType, reply.FromUserName));
        Assert.True(WeComText.ByteCount(reply.Content!) <= WeComText.MaxMessageBytes);
        return reply.Content!;
    }
}
