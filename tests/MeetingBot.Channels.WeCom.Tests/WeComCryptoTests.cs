using System.Text;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>WeComCrypto against the official test vectors of docs/protocols.md E.11, byte for byte.</summary>
public sealed class WeComCryptoTests
{
    public const string Token = "QDG6eK";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string CorpId = "wx5823bf96d3bd56c7";

    public const string VerifySignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public const string VerifyTimestamp = "1409659589";
    public const string VerifyNonce = "263014780";
    public const string VerifyEchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    public const string VerifyPlaintext = "1616140317555161061";

    public const string MessageSignature = "477715d11cdb4164915debcba66cb864d751f3e6";
    public const string MessageTimestamp = "1409659813";
    public const string MessageNonce = "1372623149";
    public const string MessageEncrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    public const string MessagePlaintext = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";

    private const string JsonSignature = "1f3153b7abd0ba99b4ab2e57fac2376110d03a3c";
    private const string JsonEncrypt = "pvXgeha3nZ7UQ2DG3WD3IVsNJR38QVl1+h+wmLQHIAwEG3Jey2aTZtvAWzhEZ9JEKGwIUMBWX3JlUhfo7O7WbvI10vHIsdSNr1nr3LuOwAfnwLJAMQNDxi5tHUl08Op59jxOL73r8+g60KOxMTaFwXzlr9Yxgq5ey5nzNb/2vDjjvDZNXkJVmL/XWnv6PXrVbTpNxphqWRv2BpPYqvwRMkHgdFliatljMVlkkRHS40FOHmtBhj/4RXtIexfDx8opBXwi0L9RTlYNQzGx+FA+74xVHG7Le/pmNDwc2Ri5mbw=";
    private const string JsonPlaintext = "{ \"ToUserName\": \"wx5823bf96d3bd56c7\", \"FromUserName\": :mycreate\", \"CreateTime\": 1409659813, \"MsgType\": \"text\", \"Content\": \"hello\", \"MsgId\": 4561255354251345929, \"AgentID\": 218}";

    private const string DerivedPlaintext = "<xml><ToUserName><![CDATA[mycreate]]></ToUserName><FromUserName><![CDATA[wx5823bf96d3bd56c7]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content><MsgId>1234567890123456</MsgId><AgentID>128</AgentID></xml>";
    private const string DerivedEncrypt = "ZA4HuQypHxnRrA+A6SOHGI3nNAv6+Z6nS1d6HDerPrjSMx0nzuQMXgB0xtc1AKDrJcVbZxGbLpFeHc7GJSIGu9xPjyai00HIF7KqYx7A/caYFaL1F1lp5V7kfVlD8xPHFxXyD1J7Mv5ueLlW5cIEYefJZUVSgNKwzJ3Dcm4qft0bxc6kOSz1q7fIrF5VA6YIcaTqSZ3eOxP2+e9FPdrb8UHQXEf/IiEjOGpWkBQcn513yiDtSiYfxAy/auRtjykaxLDNmoksUiv4ovXIicUnvmYoR57vPixh2xctoNFJtQO5DXr7wBjpHTgha0Hha6CFx84Z4oO6FvkOgyyPW5bCy0LdrG04b5YcjEQMiL4Qt7c8/P/M7WVvM9D0Y/NFl88w+0a0ZFTs/luJotJ+hYLszB5hCo5epqYDgKcaOJnw6sSXxpyJcfuv7tzdNa7ffH45DDCshd78iTFqB+sGCxQapg==";
    private const string DerivedSignature = "6fc162fb76ff519ac15c8cc905bcc423bee9e306";

    private readonly WeComCrypto _crypto = new(Token, EncodingAesKey, CorpId);

    [Fact]
    public void Verify_url_vector_signature_checks_and_echostr_decrypts_to_the_plaintext()
    {
        Assert.Equal(VerifySignature, _crypto.Sign(VerifyTimestamp, VerifyNonce, VerifyEchoStr));
        Assert.True(_crypto.HasValidSignature(VerifySignature, VerifyTimestamp, VerifyNonce, VerifyEchoStr));
        Assert.Equal(VerifyPlaintext, _crypto.Decrypt(VerifyEchoStr));
    }

    [Fact]
    public void Xml_message_vector_with_padding_30_decrypts_exactly()
    {
        Assert.True(_crypto.HasValidSignature(MessageSignature, MessageTimestamp, MessageNonce, MessageEncrypt));
        Assert.Equal(352, Convert.FromBase64String(MessageEncrypt).Length);
        Assert.Equal(MessagePlaintext, _crypto.Decrypt(MessageEncrypt));
    }

    [Fact]
    public void Json_flavour_vector_decrypts_exactly()
    {
        Assert.True(_crypto.HasValidSignature(JsonSignature, MessageTimestamp, MessageNonce, JsonEncrypt));
        Assert.Equal(JsonPlaintext, _crypto.Decrypt(JsonEncrypt));
    }

    [Fact]
    public void Deterministic_encrypt_vector_matches_byte_for_byte()
    {
        var encrypted = _crypto.Encrypt(DerivedPlaintext, "aaaabbbbccccdddd"u8);

        Assert.Equal(DerivedEncrypt, encrypted);
        Assert.Equal(DerivedSignature, _crypto.Sign(MessageTimestamp, MessageNonce, encrypted));
        Assert.Equal(DerivedPlaintext, _crypto.Decrypt(encrypted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("短")]
    [InlineData("12345678901")]
    [InlineData("😀 emoji, 中文 and a ]]> in XML")]
    public void Encrypt_and_decrypt_round_trip_at_every_padding(string message)
    {
        for (var extra = 0; extra < 40; extra++)
        {
            var text = message + new string('x', extra);
            Assert.Equal(text, _crypto.Decrypt(_crypto.Encrypt(text)));
        }
    }

    [Fact]
    public void Random_prefix_makes_equal_messages_differ()
    {
        Assert.NotEqual(_crypto.Encrypt("同一条消息"), _crypto.Encrypt("同一条消息"));
    }

    [Fact]
    public void A_message_for_another_corp_is_refused()
    {
        var other = new WeComCrypto(Token, EncodingAesKey, "ww0000000000000000");

        var error = Assert.Throws<WeComCryptoException>(() => _crypto.Decrypt(other.Encrypt("<xml/>")));

        Assert.Equal(WeComCryptoError.ReceiveIdMismatch, error.Error);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("")]
    [InlineData("AAAA")]
    public void Garbage_is_refused(string encrypted)
    {
        Assert.Throws<WeComCryptoException>(() => _crypto.Decrypt(encrypted));
    }

    [Fact]
    public void Truncated_ciphertext_is_refused()
    {
        var bytes = Convert.FromBase64String(MessageEncrypt);

        Assert.Throws<WeComCryptoException>(() => _crypto.Decrypt(Convert.ToBase64String(bytes[..^16])));
        Assert.Throws<WeComCryptoException>(() => _crypto.Decrypt(Convert.ToBase64String(bytes[..^5])));
        Assert.Throws<WeComCryptoException>(() => _crypto.Decrypt(MessageEncrypt[..^4]));
    }

    [Fact]
    public void A_wrong_signature_does_not_check()
    {
        Assert.False(_crypto.HasValidSignature(MessageSignature.Replace('4', '5'), MessageTimestamp, MessageNonce, MessageEncrypt));
        Assert.False(_crypto.HasValidSignature(MessageSignature, MessageTimestamp, "1", MessageEncrypt));
        Assert.False(_crypto.HasValidSignature(null, MessageTimestamp, MessageNonce, MessageEncrypt));
        Assert.False(_crypto.HasValidSignature(MessageSignature, MessageTimestamp, MessageNonce, null));
    }

    [Fact]
    public void A_key_that_is_not_43_base64_characters_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WeComCrypto(Token, EncodingAesKey[..42], CorpId));
        Assert.Throws<ArgumentException>(() => new WeComCrypto(Token, EncodingAesKey[..42] + "!", CorpId));
        Assert.Equal("8d69989bbaabe67328014c194631ad0719b3dca035b64023df292447aab60760", Convert.ToHexStringLower(Convert.FromBase64String(EncodingAesKey + "=")));
        Assert.Equal(Encoding.ASCII.GetBytes(VerifyPlaintext), Encoding.UTF8.GetBytes(_crypto.Decrypt(VerifyEchoStr)));
    }
}
