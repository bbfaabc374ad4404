using System.Text;
using MeetingBot.Materials.Outline;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// A reply's outline (<see cref="Conversations.BotReply.Card"/>) as WeCom markdown (docs/protocols.md
/// E.8): title lines as a header, headings bold after a blank line, every other block a line of its
/// own. The marks go only around the template's title and heading lines; WeCom's markdown has no
/// escapes, so the lines that hold the cadre's words are written as they are.
/// </summary>
public static class WeComMarkdown
{
    public static string Render(DocumentOutline outline)
    {
        var text = new StringBuilder();
        foreach (var block in outline.Blocks)
        {
            _ = block.Kind switch
            {
                BlockKind.Title => text.Append("# ").Append(block.Text).Append('\n'),
                BlockKind.Heading1 or BlockKind.Heading2 => text.Append("\n**").Append(block.Text).Append("**\n"),
                _ => text.Append(block.Text).Append('\n'),
            };
        }

        return text.ToString();
    }
}
