using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// /api/wecom, the app's callback URL (docs/protocols.md E.1): GET verifies the URL (E.2), POST receives
/// messages and events (E.5). Anything that fails the signature, the timestamp window, the
/// decryption or the receiveid check is refused with 403 and no detail before the pipeline sees
/// it, so nothing is stored.
/// </summary>
public static class WeComEndpoints
{
    public const string Path = "/api/wecom";

    /// <summary>The largest callback body accepted; bigger ones get 413 before any parsing.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Maps the callback when WeCom:CorpId is set; without it the channel is off and the path is 404.</summary>
    public static IEndpointRouteBuilder MapWeComEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IOptions<WeComOptions>>()?.Value.Enabled != true)
        {
            return endpoints;
        }

        endpoints.MapGet(Path, VerifyUrl);
        endpoints.MapPost(Path, ReceiveAsync);
        return endpoints;
    }

    /// <summary>URL verification: answer the decrypted echostr as plain text, nothing else (E.2).</summary>
    private static IResult VerifyUrl(HttpRequest request, WeComCrypto crypto, ILoggerFactory loggers)
    {
        var query = RawQuery(request);
        var echo = query.GetValueOrDefault("echostr");
        if (!crypto.HasValidSignature(query.GetValueOrDefault("msg_signature"), query.GetValueOrDefault("timestamp"), query.GetValueOrDefault("nonce"), echo))
        {
            return Refuse(loggers, StatusCodes.Status403Forbidden, "URL verification with a bad signature");
        }

        try
        {
            return Results.Text(crypto.Decrypt(echo!), "text/plain", new UTF8Encoding(false));
        }
        catch (WeComCryptoException e)
        {
            return Refuse(loggers, StatusCodes.Status403Forbidden, $"URL verification not decryptable ({(int)e.Error})");
        }
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        WeComCrypto crypto,
        WeComCallbacks callbacks,
        IOptions<WeComOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Refuse(loggers, StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        if (WeComXml.ReadEncrypt(body) is not { } encrypted)
        {
            return Refuse(loggers, StatusCodes.Status400BadRequest, "not a callback envelope");
        }

        var query = RawQuery(request);
        if (!crypto.HasValidSignature(query.GetValueOrDefault("msg_signature"), query.GetValueOrDefault("timestamp"), query.GetValueOrDefault("nonce"), encrypted))
        {
            return Refuse(loggers, StatusCodes.Status403Forbidden, "bad signature");
        }

        // The timestamp is part of what was signed, so only its age is left to check.
        if (!IsWithin(query.GetValueOrDefault("timestamp"), time.GetUtcNow(), options.Value.CallbackMaxAge))
        {
            return Refuse(loggers, StatusCodes.Status403Forbidden, "timestamp outside the accepted window (a replay, or a clock far off)");
        }

        string plain;
        try
        {
            plain = crypto.Decrypt(encrypted);
        }
        catch (WeComCryptoException e)
        {
            return Refuse(loggers, StatusCodes.Status403Forbidden, $"not decryptable ({(int)e.Error} {e.Error})");
        }

        if (WeComXml.ReadMessage(plain) is not { } message)
        {
            return Refuse(loggers, StatusCodes.Status400BadRequest, "decrypted message is not well-formed");
        }

        var reply = await callbacks.HandleAsync(message, cancellationToken);
        if (reply is null)
        {
            return Results.Ok();
        }

        // Our own timestamp and nonce, so the signed reply never repeats one of the request (E.7).
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var replyEncrypted = crypto.Encrypt(WeComXml.TextReply(message.FromUserName, options.Value.CorpId, now, reply));
        var xml = WeComXml.EncryptedReply(replyEncrypted, crypto.Sign(timestamp, nonce, replyEncrypted), timestamp, nonce);
        return Results.Text(xml, "application/xml", new UTF8Encoding(false));
    }

    private static bool IsWithin(string? timestamp, DateTimeOffset now, TimeSpan maxAge) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && Math.Abs(now.ToUnixTimeSeconds() - seconds) <= maxAge.TotalSeconds;

    /// <summary>
    /// The query exactly as sent, unescaped without turning '+' into a space: echostr is base64, and a
    /// form decoder would corrupt a '+' that WeCom did not escape (E.2).
    /// </summary>
    private static Dictionary<string, string> RawQuery(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (request.QueryString.Value ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            values.TryAdd(Uri.UnescapeDataString(name), equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]));
        }

        return values;
    }

    /// <summary>The body as text, or null past <see cref="MaxBodyBytes"/> (checked while reading, whatever Content-Length says).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IResult Refuse(ILoggerFactory loggers, int status, string reason)
    {
        Log.CallbackRefused(loggers.CreateLogger(typeof(WeComEndpoints).FullName!), status, reason);
        return Results.StatusCode(status);
    }
}
