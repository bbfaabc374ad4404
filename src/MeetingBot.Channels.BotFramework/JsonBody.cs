using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// Reads a JSON request body, bounded by <see cref="MaxBytes"/>: a larger body is refused with 413
/// before it is read whole, a body that is not declared JSON with 415, malformed JSON with 400. A
/// UTF-8 byte order mark before the JSON is read past.
/// </summary>
public static class JsonBody
{
    /// <summary>The largest request body accepted by the bot's endpoints.</summary>
    public const int MaxBytes = 256 * 1024;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The body as <typeparamref name="T"/>; null value and null status for an empty body or JSON null.</summary>
    /// <param name="maxBytes">The largest body this endpoint accepts, at most <see cref="MaxBytes"/>.</param>
    public static async Task<(T? Value, int? Status)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken, int maxBytes = MaxBytes)
        where T : class
    {
        maxBytes = Math.Min(maxBytes, MaxBytes);
        if (request.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        // A page of another origin may post text/plain without a CORS preflight; only JSON is read.
        if (!request.HasJsonContentType())
        {
            return (null, StatusCodes.Status415UnsupportedMediaType);
        }

        var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (json.StartsWith(Utf8ByteOrderMark))
        {
            json = json[Utf8ByteOrderMark.Length..];
        }

        try
        {
            return (JsonSerializer.Deserialize(json, type), null);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>What a status of <see cref="ReadAsync"/> means, for the log.</summary>
    public static string Describe(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "body too large",
        StatusCodes.Status415UnsupportedMediaType => "not a JSON content type",
        _ => "malformed JSON",
    };
}
