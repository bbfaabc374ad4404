using System.Buffers;
using System.Globalization;
using System.Text;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// Cuts reply text into WeCom text messages. Content is limited to 2048 bytes of UTF-8 and WeCom
/// truncates beyond (docs/protocols.md E.7, E.8), so a long draft goes out in parts. Every character is
/// kept in order; a part never ends inside a character (nor inside a character with its combining
/// marks), and ends after a line break, else after a sentence, when one is near the limit.
/// </summary>
public static class WeComText
{
    public const int MaxMessageBytes = 2048;

    /// <summary>Where replies of one turn meet when they are sent as one message.</summary>
    public const string ReplySeparator = "\n\n";

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？；.!?;");

    public static int ByteCount(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>The parts, each at most <paramref name="maxBytes"/> bytes; their concatenation is the text.</summary>
    public static IReadOnlyList<string> Split(string text, int maxBytes = MaxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4);
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (Encoding.UTF8.GetByteCount(rest) > maxBytes)
        {
            var fits = FittingLength(rest, maxBytes);
            var cut = PreferredCut(rest[..fits]);
            parts.Add(rest[..cut].ToString());
            rest = rest[cut..];
        }

        if (!rest.IsEmpty)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    /// <summary>How many chars, ending on a text element boundary, fit in the byte limit.</summary>
    private static int FittingLength(ReadOnlySpan<char> text, int maxBytes)
    {
        var length = 0;
        var bytes = 0;
        while (length < text.Length)
        {
            var element = StringInfo.GetNextTextElementLength(text[length..]);
            var elementBytes = Encoding.UTF8.GetByteCount(text.Slice(length, element));
            if (bytes + elementBytes > maxBytes)
            {
                break;
            }

            bytes += elementBytes;
            length += element;
        }

        // A single text element longer than a message (a letter with hundreds of combining marks):
        // cut it between code points, which is still never inside a character's bytes.
        return length > 0 ? length : RuneFittingLength(text, maxBytes);
    }

    private static int RuneFittingLength(ReadOnlySpan<char> text, int maxBytes)
    {
        var length = 0;
        var bytes = 0;
        while (length < text.Length)
        {
            Rune.DecodeFromUtf16(text[length..], out var rune, out var consumed);
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            length += consumed;
        }

        return length;
    }

    /// <summary>After the last line break in the latter half of the window, else after the last sentence end there, else the whole window.</summary>
    private static int PreferredCut(ReadOnlySpan<char> window)
    {
        var half = window.Length / 2;
        var lineBreak = window.LastIndexOf('\n');
        if (lineBreak >= half)
        {
            return lineBreak + 1;
        }

        var sentenceEnd = window.LastIndexOfAny(SentenceEnds);
        return sentenceEnd >= half ? sentenceEnd + 1 : window.Length;
    }
}
