using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>Reading callbacks safely and writing passive replies (docs/protocols.md E.5, E.7).</summary>
public sealed class WeComXmlTests
{
    [Fact]
    public void The_official_decrypted_message_is_read()
    {
        var message = WeComXml.ReadMessage(WeComCryptoTests.MessagePlaintext);

        Assert.NotNull(message);
        Assert.Equal("mycreate", message.FromUserName);
        Assert.Equal("wx5823bf96d3bd56c7", message.ToUserName);
        Assert.Equal("text", message.MsgType);
        Assert.Equal("hello", message.Content);
        Assert.Equal("4561255354251345929", message.MsgId);
        Assert.Equal("1409659813", message.CreateTime);
        Assert.Equal("218", message.AgentId);
    }

    [Fact]
    public void The_envelope_gives_its_encrypt_field()
    {
        var envelope = $"<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[{WeComCryptoTests.MessageEncrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

        Assert.Equal(WeComCryptoTests.MessageEncrypt, WeComXml.ReadEncrypt(envelope));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&xxe;</Encrypt></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><Encrypt>&b;</Encrypt></xml>")]
    [InlineData("<xml><Encrypt>unclosed</xml>")]
    [InlineData("<notxml><Encrypt>x</Encrypt></notxml>")]
    [InlineData("<xml><ToUserName>no encrypt</ToUserName></xml>")]
    [InlineData("plain text")]
    [InlineData("")]
    public void Doctypes_entities_and_malformed_bodies_give_nothing(string body)
    {
        Assert.Null(WeComXml.ReadEncrypt(body));
        Assert.Null(WeComXml.ReadMessage(body));
    }

    [Fact]
    public void A_document_over_the_size_limit_is_not_read()
    {
        var body = $"<xml><Encrypt>{new string('A', WeComXml.MaxCharacters)}</Encrypt></xml>";

        Assert.Null(WeComXml.ReadEncrypt(body));
    }

    [Fact]
    public void A_passive_reply_keeps_any_text_literally_even_a_cdata_end()
    {
        const string content = "第一行\n<b>不是标记</b> & ]]> 结束符";

        var xml = WeComXml.TextReply("zhangsan", "wx5823bf96d3bd56c7", DateTimeOffset.FromUnixTimeSeconds(1348831860), content);
        var read = WeComXml.ReadMessage(xml);

        Assert.NotNull(read);
        Assert.Equal(content, read.Content);
        Assert.Equal("zhangsan", read.ToUserName);
        Assert.Equal("wx5823bf96d3bd56c7", read.FromUserName);
        Assert.Equal("1348831860", read.CreateTime);
        Assert.StartsWith("<xml><ToUserName><![CDATA[zhangsan]]></ToUserName>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reply_envelope_has_the_four_fields_in_order()
    {
        var xml = WeComXml.EncryptedReply("ENC", "SIG", "1409659813", "1372623149");

        Assert.Equal("<xml><Encrypt><![CDATA[ENC]]></Encrypt><MsgSignature><![CDATA[SIG]]></MsgSignature><TimeStamp>1409659813</TimeStamp><Nonce><![CDATA[1372623149]]></Nonce></xml>", xml);
    }
}
