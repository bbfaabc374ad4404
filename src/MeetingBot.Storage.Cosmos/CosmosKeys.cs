using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace MeetingBot.Storage.Cosmos;

/// <summary>
/// Maps the store's partition keys and ids to Cosmos DB values. Cosmos ids are limited to 255
/// characters without '/', '\', '?' or '#', and go into request URLs; partition key values go into
/// an HTTP header. The contract allows any string (Chinese, ':', '|', spaces), so both are encoded:
/// <list type="bullet">
/// <item>letters, digits, '-' and '_' stay as they are, so "conv-3fa…" and "draft-000001" read the same in the portal;</item>
/// <item>every other UTF-16 code unit becomes '~' and four hex digits ("会" → "~4F1A", ' ' → "~0020"),
/// which is reversible and cannot collide, because a '~' of the input is itself escaped;</item>
/// <item>a result longer than 255 characters becomes "~~" and the SHA-256 of the value, which escaping
/// never produces (its '~' is always followed by a hex digit).</item>
/// </list>
/// The original values are stored in the document as well, so hashing loses nothing. Only RFC 3986
/// unreserved characters remain, so no layer re-encodes them and "." / ".." path segments cannot occur.
/// </summary>
internal static class CosmosKeys
{
    /// <summary>The Cosmos DB limit on item ids (and our own limit on partition key values).</summary>
    public const int MaxLength = 255;

    private const char Escape = '~';

    private static readonly SearchValues<char> Verbatim =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value.AsSpan().IndexOfAnyExcept(Verbatim) < 0 && value.Length <= MaxLength)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 2);
        foreach (var c in value)
        {
            if (Verbatim.Contains(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(Escape).Append(((int)c).ToString("X4"));
            }
        }

        // An empty value still needs a non-empty id; "~" alone is not an escape and not a hash.
        if (builder.Length == 0)
        {
            return Escape.ToString();
        }

        return builder.Length <= MaxLength ? builder.ToString() : Hash(value);
    }

    // Hashes the UTF-16 code units themselves, so even strings that are not valid Unicode map apart.
    private static string Hash(string value) =>
        "~~" + Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(value.AsSpan())));
}
