using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace MeetingBot.Channels.BotFramework.Teams;

/// <summary>
/// The two icons Teams requires (docs/protocols.md F.4), drawn at build time so no binary lives in the
/// repository: a 192×192 colour icon (a white ring on the accent colour) and a 32×32 outline icon
/// (a white ring on transparency).
/// </summary>
public static class PngIcon
{
    public static byte[] Color(int size, string accentColor)
    {
        var accent = int.Parse(accentColor.TrimStart('#'), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var background = ((byte)(accent >> 16), (byte)(accent >> 8), (byte)accent, (byte)255);
        return Draw(size, (x, y) => OnRing(size, x, y) ? ((byte)255, (byte)255, (byte)255, (byte)255) : background);
    }

    public static byte[] Outline(int size) =>
        Draw(size, (x, y) => OnRing(size, x, y) ? ((byte)255, (byte)255, (byte)255, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0));

    private static bool OnRing(int size, int x, int y)
    {
        var centre = (size - 1) / 2.0;
        var distance = Math.Sqrt(((x - centre) * (x - centre)) + ((y - centre) * (y - centre)));
        return distance <= size * 0.42 && distance >= size * 0.30;
    }

    private static byte[] Draw(int size, Func<int, int, (byte R, byte G, byte B, byte A)> pixel)
    {
        // Each scanline starts with filter type 0 (none), then RGBA bytes.
        var raw = new byte[size * ((size * 4) + 1)];
        for (var y = 0; y < size; y++)
        {
            var row = y * ((size * 4) + 1);
            for (var x = 0; x < size; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                var at = row + 1 + (x * 4);
                (raw[at], raw[at + 1], raw[at + 2], raw[at + 3]) = (r, g, b, a);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(checksum, Crc32(typeBytes, data));
        png.Write(checksum);
    }

    /// <summary>The CRC-32 (ISO 3309, as PNG requires) of the chunk type and data.</summary>
    private static uint Crc32(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data))
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
