using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// A decrypted callback (docs/protocols.md E.5): a member's message, or an event when
/// <see cref="MsgType"/> is "event". Fields the bot does not use are not read.
/// </summary>
public sealed record WeComMessage
{
    public string ToUserName { get; init; } = "";

    /// <summary>The member's UserID within the corp.</summary>
    public string FromUserName { get; init; } = "";

    /// <summary>Unix seconds, as sent; part of an event's identity (E.6).</summary>
    public string CreateTime { get; init; } = "";

    public string MsgType { get; init; } = "";

    public string? Content { get; init; }

    public string? MsgId { get; init; }

    public string? Event { get; init; }

    public string? AgentId { get; init; }
}

/// <summary>
/// The XML of callbacks and passive replies. Everything WeCom posts is read with DTDs prohibited,
/// no resolver (so no external entities) and a size limit: the envelope is read before its
/// signature is checked, so it is attacker-controlled input.
/// </summary>
public static class WeComXml
{
    /// <summary>A text message is at most 2048 bytes of content; 64 K characters leaves room for every message type.</summary>
    public const int MaxCharacters = 64 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    /// <summary>The Encrypt field of a callback envelope (E.5); null when the body is not such an envelope.</summary>
    public static string? ReadEncrypt(string xml) => ReadFields(xml)?.GetValueOrDefault("Encrypt") is { Length: > 0 } encrypt ? encrypt : null;

    /// <summary>The decrypted message; null when it is not well-formed XML of the expected shape.</summary>
    public static WeComMessage? ReadMessage(string xml)
    {
        var fields = ReadFields(xml);
        if (fields is null || fields.GetValueOrDefault("FromUserName") is not { Length: > 0 } from || fields.GetValueOrDefault("MsgType") is not { Length: > 0 } type)
        {
            return null;
        }

        return new WeComMessage
        {
            ToUserName = fields.GetValueOrDefault("ToUserName") ?? "",
            FromUserName = from,
            CreateTime = fields.GetValueOrDefault("CreateTime") ?? "",
            MsgType = type,
            Content = fields.GetValueOrDefault("Content"),
            MsgId = fields.GetValueOrDefault("MsgId"),
            Event = fields.GetValueOrDefault("Event"),
            AgentId = fields.GetValueOrDefault("AgentID"),
        };
    }

    /// <summary>The plaintext of a passive text reply (E.7): to the member, from the corp.</summary>
    public static string TextReply(string toUser, string fromCorp, DateTimeOffset createdAt, string content) =>
        Write("xml", [
            ("ToUserName", toUser, true),
            ("FromUserName", fromCorp, true),
            ("CreateTime", createdAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), false),
            ("MsgType", "text", true),
            ("Content", content, true),
        ]);

    /// <summary>The HTTP body of a passive reply (E.7): the ciphertext with its signature.</summary>
    public static string EncryptedReply(string encrypt, string signature, string timestamp, string nonce) =>
        Write("xml", [
            ("Encrypt", encrypt, true),
            ("MsgSignature", signature, true),
            ("TimeStamp", timestamp, false),
            ("Nonce", nonce, true),
        ]);

    /// <summary>The text of each child of the root &lt;xml&gt;; null for anything malformed, a DTD included.</summary>
    private static Dictionary<string, string>? ReadFields(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings);
            var root = XDocument.Load(reader).Root;
            if (root is null || root.Name.LocalName != "xml")
            {
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var element in root.Elements())
            {
                fields.TryAdd(element.Name.LocalName, element.Value);
            }

            return fields;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string Write(string root, (string Name, string Value, bool CData)[] fields)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, WriterSettings))
        {
            writer.WriteStartElement(root);
            foreach (var (name, value, cdata) in fields)
            {
                writer.WriteStartElement(name);
                if (cdata)
                {
                    // XmlWriter splits a "]]>" in the text over two CDATA sections, so user text cannot end the section.
                    writer.WriteCData(value);
                }
                else
                {
                    writer.WriteString(value);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return text.ToString();
    }
}
