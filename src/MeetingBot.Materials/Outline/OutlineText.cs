using System.Text;

namespace MeetingBot.Materials.Outline;

/// <summary>
/// The outline as chat text, one block a line: a blank line after the title, before and after
/// every section heading, before every sub-heading, and before the closing lines.
/// </summary>
public static class OutlineText
{
    public static string Render(DocumentOutline outline)
    {
        var text = new StringBuilder();
        BlockKind? previous = null;
        foreach (var block in outline.Blocks)
        {
            var blankBefore = previous is { } p
                && (p is BlockKind.Heading1
                    || block.Kind is BlockKind.Heading1 or BlockKind.Heading2
                    || (p is BlockKind.Title && block.Kind is not BlockKind.Title)
                    || (block.Kind is BlockKind.Closing && p is not BlockKind.Closing));
            if (blankBefore)
            {
                text.Append('\n');
            }

            text.Append(block.Text).Append('\n');
            previous = block.Kind;
        }

        return text.ToString();
    }
}
