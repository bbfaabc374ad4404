using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LoadDriver;

/// <summary>The outcome of one turn: the reply texts joined, or why the turn failed.</summary>
public readonly record struct TurnOutcome(bool Ok, string? Problem);

/// <summary>
/// Posts message activities to a bot's /api/messages with deliveryMode expectReplies, as the
/// Emulator and tests do, and reads the replies from the 200 {"activities":[…]} response
/// (Bot Framework protocol, expectReplies).
/// </summary>
public sealed class BotClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _messages;

    public BotClient(Uri baseAddress, int connections)
    {
        _messages = new Uri(baseAddress, "/api/messages");
        _http = new HttpClient(new SocketsHttpHandler
        {
            // One connection per simulated user, kept alive for the whole run.
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>Sends one message and checks that the replies, taken together, contain every expected text.</summary>
    public async Task<TurnOutcome> ExchangeAsync(string conversationId, string activityId, int user, Exchange exchange, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(Activity(conversationId, activityId, user, exchange.Text));
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(_messages, content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new TurnOutcome(false, $"HTTP {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var texts = document.RootElement.TryGetProperty("activities", out var activities) && activities.ValueKind == JsonValueKind.Array
            ? string.Join("\n", activities.EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null).OfType<string>())
            : "";
        var missing = exchange.Expected.FirstOrDefault(e => !texts.Contains(e, StringComparison.Ordinal));
        return missing is null
            ? new TurnOutcome(true, null)
            : new TurnOutcome(false, $"after “{Shorten(exchange.Text)}” expected “{Shorten(missing)}”, got “{Shorten(texts)}”");
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A personal-chat message the way the Emulator sends one; serviceUrl is never called with expectReplies.</summary>
    private static byte[] Activity(string conversationId, string activityId, int user, string text)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
            json.WriteString("id", activityId);
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("channelId", "emulator");
            json.WriteString("serviceUrl", "http://127.0.0.1:9/");
            json.WriteStartObject("from");
            json.WriteString("id", $"user-{user}");
            json.WriteString("name", $"用户{user}");
            json.WriteEndObject();
            json.WriteStartObject("recipient");
            json.WriteString("id", "bot");
            json.WriteString("name", "bot");
            json.WriteEndObject();
            json.WriteStartObject("conversation");
            json.WriteString("id", conversationId);
            json.WriteEndObject();
            json.WriteString("text", text);
            json.WriteString("textFormat", "plain");
            json.WriteString("locale", "zh-CN");
            json.WriteString("deliveryMode", "expectReplies");
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
}
