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

[JsonSerializable(typeof(WeComTokenResponse))]
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
    public static byte[] TextMessage(string toUser, int agentId, string content)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("touser", toUser);
            json.WriteString("msgtype", "text");
            json.WriteNumber("agentid", agentId);
            json.WriteStartObject("text");
            json.WritePropertyName("content");
            json.WriteRawValue(Quote(content));
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
