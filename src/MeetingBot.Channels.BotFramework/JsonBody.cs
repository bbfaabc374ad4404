using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// Reads a JSON request body, bounded by <see cref="MaxBytes"/>: a larger body is refused with 413
/// before it is read whole, malformed JSON with 400.
/// </summary>
public static class JsonBody
{
    /// <summary>The largest request body accepted by the bot's endpoints.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The body as <typeparamref name="T"/>; null value and null status for an empty body or JSON null.</summary>
    public static async Task<(T? Value, int? Status)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type), null);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest);
        }
    }
}
