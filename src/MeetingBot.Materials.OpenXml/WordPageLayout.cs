namespace MeetingBot.Materials.OpenXml;

/// <summary>
/// The settings turned into WordprocessingML's units: twips (a twentieth of a point, 1,440 to the
/// inch, so 1 mm = 1440 / 25.4 ≈ 56.69 twips), half points for font sizes, and 4096ths of a
/// point for the grid's character spacing. Everything is derived from the page as Word will see
/// it, i.e. after each length has been rounded to whole twips.
/// </summary>
internal sealed record WordPageLayout
{
    public WordPageLayout(WordLayoutOptions options)
    {
        PageWidth = Twips(options.PageWidth);
        PageHeight = Twips(options.PageHeight);
        MarginTop = Twips(options.MarginTop);
        MarginBottom = Twips(options.MarginBottom);
        MarginLeft = Twips(options.MarginLeft);
        MarginRight = Twips(options.MarginRight);
        TypeWidth = PageWidth - MarginLeft - MarginRight;
        var typeHeight = PageHeight - MarginTop - MarginBottom;

        // Lines: the grid's line pitch is the type area's height shared among the lines, rounded
        // down so that all of them fit (A4 with GB/T 9704's margins: 16838 − 2098 − 1984 = 12756
        // twips; 12756 / 22 = 579.8, so 579 twips = 28.95 pt).
        LinePitch = typeHeight / options.LinesPerPage;

        // Characters: the pitch is the type area's width shared among the characters (8845 / 28 =
        // 315.89 twips = 15.794 pt). Word stores it as w:charSpace: how much the pitch differs from
        // the Normal style's font size, in 4096ths of a point: (15.794 − 16) × 4096 = −841.1. Rounded
        // down again (−842), because a pitch a hair too wide would fit only 27 characters.
        var characterPitch = (double)TypeWidth / options.CharactersPerLine;
        CharacterSpace = (int)Math.Floor((characterPitch / 20 - options.Body.Size) * 4096);

        // The same pitch as character spacing for text laid off the grid (see WordDocumentWriter):
        // 315.89 − 320 = −4.1, rounded down to −5 twips, less one twip of slack because
        // LibreOffice, on a page with a character grid, measures each character about a twip
        // wider than it sets it. So a character takes 314 twips: 28 of them (8792) fit in 8845,
        // 29 (9106) do not.
        BodyCharacterSpacing = (int)Math.Floor(characterPitch - (HalfPoints(options.Body.Size) * 10)) - 1;
        BodyCharacter = (HalfPoints(options.Body.Size) * 10) + BodyCharacterSpacing;

        // The footer's distance is measured from the page's bottom edge to the bottom of the page
        // number's line, which is exactly one page-number size high: so the line's top lies
        // PageNumberGap below the type area (A4: 1984 − 397 − 280 = 1307 twips).
        PageNumberLine = HalfPoints(options.PageNumber.Size) * 10;
        FooterDistance = MarginBottom - Twips(options.PageNumberGap) - PageNumberLine;
        PageNumberIndent = PageNumberLine;

        FirstLineIndent = 2 * BodyCharacter;
        ClosingRightIndent = options.ClosingRightIndent * BodyCharacter;

        // The title is set off the character grid, in its own size: a line holds the type area's
        // width in em of the title (8845 / 440 = 20.1 characters at 2号).
        TitleLineCapacity = TypeWidth / (options.Title.Size * 20);
    }

    public int PageWidth { get; }

    public int PageHeight { get; }

    public int MarginTop { get; }

    public int MarginBottom { get; }

    public int MarginLeft { get; }

    public int MarginRight { get; }

    public int TypeWidth { get; }

    public int LinePitch { get; }

    public int CharacterSpace { get; }

    /// <summary>Twips added to (or, negative, taken from) each body character's width.</summary>
    public int BodyCharacterSpacing { get; }

    /// <summary>The width one body character takes, in twips: its size plus the spacing.</summary>
    public int BodyCharacter { get; }

    public int FooterDistance { get; }

    /// <summary>The page number's line height: its font size, so the line sits where the standard says.</summary>
    public int PageNumberLine { get; }

    /// <summary>"空一字": one character of the page number's size from the edge of the type area.</summary>
    public int PageNumberIndent { get; }

    /// <summary>Two body characters, the twips that w:firstLineChars="200" stands for.</summary>
    public int FirstLineIndent { get; }

    public int ClosingRightIndent { get; }

    /// <summary>How many em of the title's size one title line holds.</summary>
    public double TitleLineCapacity { get; }

    public static int HalfPoints(double points) => (int)Math.Round(points * 2);

    private static int Twips(double millimetres) => (int)Math.Round(millimetres * 1440 / 25.4, MidpointRounding.AwayFromZero);
}
