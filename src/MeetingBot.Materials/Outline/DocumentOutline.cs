using System.Text.Json.Serialization;

namespace MeetingBot.Materials.Outline;

/// <summary>
/// A written material as structure, independent of how it is shown: the chat text and the Word
/// file are two renderings of one outline, so both say the same words.
/// </summary>
public sealed record DocumentOutline(IReadOnlyList<OutlineBlock> Blocks)
{
    /// <summary>The title lines, in order (a long title may run over two lines); read from the blocks, so never stored with them.</summary>
    [JsonIgnore]
    public IEnumerable<string> TitleLines => Blocks.Where(b => b.Kind == BlockKind.Title).Select(b => b.Text);
}

/// <summary>What a block is in the genre's layout (see docs/architecture.md, "Materials").</summary>
public enum BlockKind
{
    /// <summary>A line of the title, centred.</summary>
    Title,

    /// <summary>A section heading: 一、二、三、.</summary>
    Heading1,

    /// <summary>A sub-heading: （一）（二）.</summary>
    Heading2,

    /// <summary>Body text with a first-line indent; 一是/二是 stay inline.</summary>
    Paragraph,

    /// <summary>A line set against the right margin: the name and date at the end.</summary>
    Closing,
}

public sealed record OutlineBlock(BlockKind Kind, string Text);
