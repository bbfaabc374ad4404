using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetingBot.Channels.WeCom;

/// <summary>What every WeCom API answer carries; success is errcode 0, judged by code, never by errmsg (E.10).</summary>
public interface IWeComResponse
{
    int ErrCode { get; }
}

public sealed record WeComTokenResponse(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn) : IWeComResponse;

/// <summary>message/send: partial failures come with errcode 0 and the recipients named in invaliduser (E.8).</summary>
public sealed record WeComSendResponse(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("invaliduser")] string? InvalidUser,
    [property: JsonPropertyName("msgid")] string? MsgId) : IWeComResponse;

public sealed record WeComUserResponse(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("name")] string? Name) : IWeComResponse;

/// <summary>media/upload: the id a file message refers to, valid three days (docs/protocols.md E.8).</summary>
public sealed record WeComUploadResponse(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("media_id")] string? MediaId) : IWeComResponse;

[JsonSerializable(typeof(WeComTokenResponse))]
[JsonSerializable(typeof(WeComUploadResponse))]
[JsonSerializable(typeof(WeComSendResponse))]
[JsonSerializable(typeof(WeComUserResponse))]
internal sealed partial class WeComJsonContext : JsonSerializerContext;

/// <summary>Request bodies for the WeCom API.</summary>
public static class WeComRequests
{
    /// <summary>
    /// A text message/send body (E.8). The content is written with only the escapes JSON requires:
    /// WeCom refuses \uXXXX escapes (40033, E.10), and System.Text.Json's encoders escape at least
    /// every character outside the BMP (emoji a cadre types) that way.
    /// </summary>
    public static byte[] TextMessage(string toUser, int agentId, string content) =>
        Message(toUser, agentId, "text", "content", Quote(content));

    /// <summary>A markdown message/send body (E.8), its content escaped as a text message's.</summary>
    public static byte[] MarkdownMessage(string toUser, int agentId, string content) =>
        Message(toUser, agentId, "markdown", "content", Quote(content));

    /// <summary>A file message/send body: the media_id of an uploaded file (E.8).</summary>
    public static byte[] FileMessage(string toUser, int agentId, string mediaId) =>
        Message(toUser, agentId, "file", "media_id", Quote(mediaId));

    private static byte[] Message(string toUser, int agentId, string type, string field, string rawValue)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("touser", toUser);
            json.WriteString("msgtype", type);
            json.WriteNumber("agentid", agentId);
            json.WriteStartObject(type);
            json.WritePropertyName(field);
            json.WriteRawValue(rawValue);
            json.WriteEndObject();
            json.WriteNumber("safe", 0);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A JSON string literal escaping only quote, backslash and control characters (RFC 8259 §7).</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                < ' ' => quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
