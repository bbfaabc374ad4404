namespace MeetingBot.Materials.OpenXml.Tests;

/// <summary>Whether paragraphs appear in a text, in order. Whitespace does not count on either side: a PDF breaks lines and spaces digits out.</summary>
internal static class ReadingOrder
{
    /// <summary>The first paragraph not found after the one before it, or null when all are there in order.</summary>
    public static string? FirstMissing(string text, IEnumerable<string> paragraphs)
    {
        var flat = WithoutWhitespace(text);
        var at = 0;
        foreach (var paragraph in paragraphs)
        {
            var wanted = WithoutWhitespace(paragraph);
            var found = flat.IndexOf(wanted, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return paragraph;
            }

            at = found + wanted.Length;
        }

        return null;
    }

    public static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
