using Microsoft.Extensions.Options;

namespace MeetingBot.Materials.OpenXml;

/// <summary>
/// The "Word" configuration section: page and type of an exported material. The defaults are the
/// layout of GB/T 9704-2012 (党政机关公文格式), which a unit changes here rather than in code, e.g.
/// <c>Word__MarginLeft=25</c> or <c>Word__Body__Font=仿宋</c>. Lengths are millimetres, sizes points.
/// Every key is listed in the README ("Word 导出 · Word export").
/// </summary>
public sealed class WordLayoutOptions
{
    public const string Section = "Word";

    /// <summary>A4.</summary>
    public double PageWidth { get; set; } = 210;

    public double PageHeight { get; set; } = 297;

    /// <summary>The margins: with A4 they leave the standard's type area of 156 mm × 225 mm.</summary>
    public double MarginTop { get; set; } = 37;

    public double MarginBottom { get; set; } = 35;

    public double MarginLeft { get; set; } = 28;

    public double MarginRight { get; set; } = 26;

    /// <summary>The document grid: lines on a page and characters on a line of body text.</summary>
    public int LinesPerPage { get; set; } = 22;

    public int CharactersPerLine { get; set; } = 28;

    /// <summary>2号小标宋.</summary>
    public WordFontOptions Title { get; set; } = new() { Font = "方正小标宋简体", Size = 22 };

    /// <summary>3号仿宋; its size is the grid's reference (see <see cref="WordPageLayout"/>).</summary>
    public WordFontOptions Body { get; set; } = new() { Font = "仿宋_GB2312", FallbackFont = "仿宋", Size = 16 };

    /// <summary>一、: 3号黑体.</summary>
    public WordFontOptions Heading1 { get; set; } = new() { Font = "黑体", Size = 16 };

    /// <summary>（一）: 3号楷体.</summary>
    public WordFontOptions Heading2 { get; set; } = new() { Font = "楷体_GB2312", FallbackFont = "楷体", Size = 16 };

    /// <summary>4号半角宋体 Arabic numerals between two dashes.</summary>
    public WordFontOptions PageNumber { get; set; } = new() { Font = "宋体", Size = 14 };

    /// <summary>How far the page number's line sits below the type area (the standard's 7 mm).</summary>
    public double PageNumberGap { get; set; } = 7;

    /// <summary>How many characters the closing lines (name, date) stay clear of the right margin.</summary>
    public int ClosingRightIndent { get; set; } = 4;
}

/// <summary>One kind of text: its font, the font to use where that one is not installed, its size.</summary>
public sealed class WordFontOptions
{
    public string Font { get; set; } = "";

    /// <summary>Empty: none. Written as the font's alternate name in the font table (see the README).</summary>
    public string FallbackFont { get; set; } = "";

    /// <summary>Points, in halves (Word stores sizes in half points): 22 is 2号, 16 is 3号, 14 is 4号.</summary>
    public double Size { get; set; }
}

// Messages name the full configuration key because that is what an operator has to fix.
internal sealed class WordLayoutOptionsValidator : IValidateOptions<WordLayoutOptions>
{
    /// <summary>Word keeps at most 31 characters of a font name, and of an alternate name.</summary>
    private const int LongestFontName = 31;

    public ValidateOptionsResult Validate(string? name, WordLayoutOptions options)
    {
        var failures = new List<string>();
        Positive(failures, "PageWidth", options.PageWidth);
        Positive(failures, "PageHeight", options.PageHeight);
        NotNegative(failures, "MarginTop", options.MarginTop);
        NotNegative(failures, "MarginBottom", options.MarginBottom);
        NotNegative(failures, "MarginLeft", options.MarginLeft);
        NotNegative(failures, "MarginRight", options.MarginRight);
        NotNegative(failures, "PageNumberGap", options.PageNumberGap);
        Positive(failures, "LinesPerPage", options.LinesPerPage);
        Positive(failures, "CharactersPerLine", options.CharactersPerLine);
        Font(failures, "Title", options.Title);
        Font(failures, "Body", options.Body);
        Font(failures, "Heading1", options.Heading1);
        Font(failures, "Heading2", options.Heading2);
        Font(failures, "PageNumber", options.PageNumber);
        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        if (options.MarginLeft + options.MarginRight >= options.PageWidth)
        {
            failures.Add($"Word:MarginLeft and Word:MarginRight together must leave room for text on a page {options.PageWidth} mm wide.");
        }

        if (options.MarginTop + options.MarginBottom >= options.PageHeight)
        {
            failures.Add($"Word:MarginTop and Word:MarginBottom together must leave room for text on a page {options.PageHeight} mm high.");
        }

        if (options.ClosingRightIndent < 0 || options.ClosingRightIndent >= options.CharactersPerLine)
        {
            failures.Add("Word:ClosingRightIndent must be from 0 to fewer than Word:CharactersPerLine characters (default 4).");
        }

        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        var layout = new WordPageLayout(options);
        var largest = new[] { ("Title", options.Title), ("Body", options.Body), ("Heading1", options.Heading1), ("Heading2", options.Heading2) }
            .Where(f => f.Item2.Size * 20 > layout.LinePitch)
            .Select(f => f.Item1);
        foreach (var key in largest)
        {
            failures.Add($"Word:{key}:Size does not fit a line of the grid ({layout.LinePitch / 20.0} pt with Word:LinesPerPage = {options.LinesPerPage}): use fewer lines or a smaller size.");
        }

        if (layout.FooterDistance < 0)
        {
            failures.Add("Word:PageNumberGap and Word:PageNumber:Size together must fit in Word:MarginBottom.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, double value)
    {
        if (!(value > 0))
        {
            failures.Add($"Word:{key} must be positive.");
        }
    }

    private static void NotNegative(List<string> failures, string key, double value)
    {
        if (!(value >= 0))
        {
            failures.Add($"Word:{key} must not be negative.");
        }
    }

    private static void Font(List<string> failures, string key, WordFontOptions? font)
    {
        if (font is null)
        {
            failures.Add($"Word:{key} is missing.");
            return;
        }

        if (string.IsNullOrWhiteSpace(font.Font) || font.Font.Length > LongestFontName)
        {
            failures.Add($"Word:{key}:Font must name a font (1 to {LongestFontName} characters).");
        }

        if (font.FallbackFont.Length > LongestFontName)
        {
            failures.Add($"Word:{key}:FallbackFont must be at most {LongestFontName} characters (or empty for none).");
        }

        if (!(font.Size > 0) || font.Size * 2 != Math.Floor(font.Size * 2))
        {
            failures.Add($"Word:{key}:Size must be a positive number of points in halves (e.g. 16 or 10.5).");
        }
    }
}
