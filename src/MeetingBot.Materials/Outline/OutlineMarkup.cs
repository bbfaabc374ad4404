namespace MeetingBot.Materials.Outline;

/// <summary>
/// Reads the outline a material template writes. Each line of the template's output is one block;
/// its first characters say which (see templates/README.md): <c>= </c> a title line, <c># </c> a
/// heading, <c>## </c> a sub-heading, <c>&gt; </c> a closing line, <c>| </c> a paragraph, anything
/// else a paragraph too. Empty lines carry nothing: spacing is each rendering's business.
/// </summary>
/// <remarks>
/// The cadre's text never adds a line: <see cref="Drafts.DraftText.Clean"/> removes line breaks and
/// control characters from every answer before it reaches a template. A line that may begin with an
/// answer starts with <c>| </c>, so an answer that begins with "#" stays a paragraph.
/// </remarks>
public static class OutlineMarkup
{
    private static readonly (string Marker, BlockKind Kind)[] Markers =
    [
        ("## ", BlockKind.Heading2),
        ("# ", BlockKind.Heading1),
        ("= ", BlockKind.Title),
        ("> ", BlockKind.Closing),
        ("| ", BlockKind.Paragraph),
    ];

    public static DocumentOutline Parse(string markup)
    {
        var blocks = new List<OutlineBlock>();
        foreach (var raw in markup.Split('\n'))
        {
            var line = raw.TrimEnd('\r', ' ');
            if (line.Length == 0)
            {
                continue;
            }

            var (marker, kind) = Markers.FirstOrDefault(m => line.StartsWith(m.Marker, StringComparison.Ordinal));
            blocks.Add(marker is null
                ? new OutlineBlock(BlockKind.Paragraph, line)
                : new OutlineBlock(kind, kind == BlockKind.Paragraph ? line[marker.Length..] : line[marker.Length..].Trim()));
        }

        return new DocumentOutline(blocks);
    }
}
