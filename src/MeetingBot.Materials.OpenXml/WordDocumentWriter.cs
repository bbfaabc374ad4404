using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingBot.Materials.Outline;
using Microsoft.Extensions.Options;

namespace MeetingBot.Materials.OpenXml;

/// <summary>
/// Writes a material's outline, or several materials' one after another, as a Word document (.docx)
/// in the layout of <see cref="WordLayoutOptions"/>: each block one paragraph in the style of its
/// kind, the styles defined once in styles.xml, no formatting on the runs, and page numbers in two
/// footers (odd pages right, even pages left). The text is the outlines', word for word.
/// </summary>
public sealed class WordDocumentWriter
{
    private const string Language = "zh-CN";

    /// <summary>The standard's 一字线 on either side of the page number.</summary>
    private const string Dash = "—";

    private const string OddFooterId = "rIdOddFooter";
    private const string EvenFooterId = "rIdEvenFooter";

    private readonly WordLayoutOptions _options;
    private readonly WordPageLayout _layout;

    /// <exception cref="OptionsValidationException">The settings do not describe a page (see <see cref="WordLayoutOptions"/>).</exception>
    public WordDocumentWriter(IOptions<WordLayoutOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var validation = new WordLayoutOptionsValidator().Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(WordLayoutOptions), validation.Failures);
        }

        _layout = new WordPageLayout(_options);
    }

    /// <summary>Writes one material as a document.</summary>
    public byte[] Write(DocumentOutline outline) => Write(Single(outline));

    /// <summary>
    /// Writes several materials as one document, in the given order: each after the first starts
    /// on a new page, and the pages are numbered through from the first. The document's title is
    /// the first material's.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="outlines"/> is empty or holds null.</exception>
    public byte[] Write(IReadOnlyList<DocumentOutline> outlines)
    {
        using var package = Package(outlines);
        return package.ToArray();
    }

    /// <summary>
    /// Writes one material to <paramref name="destination"/>, which need not be seekable (an HTTP
    /// response body): the package is assembled in memory first, because a .docx is a ZIP archive
    /// whose directory is written last.
    /// </summary>
    public Task WriteAsync(DocumentOutline outline, Stream destination, CancellationToken cancellationToken) =>
        WriteAsync(Single(outline), destination, cancellationToken);

    /// <summary>Writes several materials as one document (see <see cref="Write(IReadOnlyList{DocumentOutline})"/>) to <paramref name="destination"/>, which need not be seekable.</summary>
    /// <exception cref="ArgumentException"><paramref name="outlines"/> is empty or holds null.</exception>
    public async Task WriteAsync(IReadOnlyList<DocumentOutline> outlines, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var package = Package(outlines);
        package.Position = 0;
        await package.CopyToAsync(destination, cancellationToken);
    }

    private static DocumentOutline[] Single(DocumentOutline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        return [outline];
    }

    private MemoryStream Package(IReadOnlyList<DocumentOutline> outlines)
    {
        ArgumentNullException.ThrowIfNull(outlines);
        if (outlines.Count == 0 || outlines.Any(o => o is null))
        {
            throw new ArgumentException("Give at least one outline, and no null.", nameof(outlines));
        }

        var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            // Fixed relationship ids, so that the same outlines always give the same document.xml.
            main.AddNewPart<FooterPart>(OddFooterId).Footer = PageNumberFooter(JustificationValues.Right, pageShown: 1);
            main.AddNewPart<FooterPart>(EvenFooterId).Footer = PageNumberFooter(JustificationValues.Left, pageShown: 2);

            // One section for all: one page size, one pair of footers, one run of page numbers.
            var body = new Body(Paragraphs(outlines));
            body.Append(Section());
            main.Document = new Document(body);

            // Nothing about the machine or the person exporting: the title and the language only.
            document.PackageProperties.Title = string.Concat(outlines[0].TitleLines);
            document.PackageProperties.Language = Language;
        }

        return memory;
    }

    /// <summary>The outlines' paragraphs, each outline's first one after the document's first breaking to a new page.</summary>
    private List<Paragraph> Paragraphs(IReadOnlyList<DocumentOutline> outlines)
    {
        var paragraphs = new List<Paragraph>();
        foreach (var outline in outlines)
        {
            var first = paragraphs.Count;
            paragraphs.AddRange(outline.Blocks.SelectMany(Paragraphs));
            if (first > 0 && first < paragraphs.Count)
            {
                var properties = paragraphs[first].ParagraphProperties ??= new ParagraphProperties();
                properties.Append(new PageBreakBefore());
            }
        }

        return paragraphs;
    }

    private IEnumerable<Paragraph> Paragraphs(OutlineBlock block) => block.Kind switch
    {
        BlockKind.Title => TitleLines.Split(block.Text, _layout.TitleLineCapacity).Select(line => Paragraph(StyleIds.Title, line)),
        BlockKind.Heading1 => [Paragraph(StyleIds.Heading1, block.Text)],
        BlockKind.Heading2 => [Paragraph(StyleIds.Heading2, block.Text)],
        BlockKind.Closing => [Paragraph(StyleIds.Closing, block.Text)],
        _ => [Paragraph(null, block.Text)],
    };

    private static Paragraph Paragraph(string? styleId, string text)
    {
        var paragraph = new Paragraph();
        if (styleId is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        }

        paragraph.Append(TextRun(text));
        return paragraph;
    }

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private SectionProperties Section() => new(
        // With w:evenAndOddHeaders in the settings the default footer is the odd pages' one.
        new FooterReference { Type = HeaderFooterValues.Default, Id = OddFooterId },
        new FooterReference { Type = HeaderFooterValues.Even, Id = EvenFooterId },
        new PageSize { Width = (uint)_layout.PageWidth, Height = (uint)_layout.PageHeight },
        new PageMargin
        {
            Top = _layout.MarginTop,
            Bottom = _layout.MarginBottom,
            Left = (uint)_layout.MarginLeft,
            Right = (uint)_layout.MarginRight,
            // There is no header: its distance only has to lie within the top margin.
            Header = (uint)_layout.FooterDistance,
            Footer = (uint)_layout.FooterDistance,
            Gutter = 0,
        },
        new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = _layout.LinePitch, CharacterSpace = _layout.CharacterSpace });

    private Footer PageNumberFooter(JustificationValues side, int pageShown)
    {
        // "空一字": one page-number character from the type area's edge on the outer side.
        var indent = side == JustificationValues.Right
            ? new Indentation { Right = Twips(_layout.PageNumberIndent) }
            : new Indentation { Left = Twips(_layout.PageNumberIndent) };
        return new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = StyleIds.Footer }, indent, new Justification { Val = side }),
            TextRun(Dash + " "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun(pageShown.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            TextRun(" " + Dash)));
    }

    private Styles Styles()
    {
        var pitch = Twips(_layout.LinePitch);
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new Languages { Val = Language, EastAsia = Language })),
                new ParagraphPropertiesDefault()),

            // Body text: exact lines of one grid pitch, justified, indented two characters
            // (w:firstLineChars for Word and WPS, w:firstLine the same in twips for the rest); no
            // widow control, so that every page holds LinesPerPage lines wherever it breaks.
            // w:overflowPunct is on, as Word and WPS have it by default; LibreOffice reads it the
            // other way round and then keeps punctuation inside the type area, where otherwise it
            // hangs commas into the margin and drops a hanging 。 from the page altogether.
            //
            // The text opts out of the section's grid (w:snapToGrid off, on the paragraph for its
            // lines and on the runs for its characters) and carries the grid's character pitch as
            // character spacing instead. Word and WPS would compress 16 pt characters onto the
            // 15.79 pt grid, but LibreOffice gives each such character two cells (14 a line), so
            // only text laid off the grid comes out the same, 28 a line, in all three. The grid
            // stays in the section: it is what Word's page setup shows as 22 lines × 28 characters.
            Style(StyleIds.Normal, "Normal", basedOn: null,
                new StyleParagraphProperties(
                    new WidowControl { Val = false },
                    new OverflowPunctuation(),
                    new SnapToGrid { Val = false },
                    new SpacingBetweenLines { Before = "0", After = "0", Line = pitch, LineRule = LineSpacingRuleValues.Exact },
                    new Indentation { FirstLine = Twips(_layout.FirstLineIndent), FirstLineChars = 200 },
                    new Justification { Val = JustificationValues.Both }),
                Run(_options.Body, _layout.BodyCharacterSpacing, offGrid: true)),

            // The title is set in its own size at its natural width (TitleLines measures it so):
            // centred, one blank line after the last line (contextual spacing drops it between
            // the title's own lines).
            Style(StyleIds.Title, "Title", StyleIds.Normal,
                new StyleParagraphProperties(
                    new KeepNext(),
                    new SpacingBetweenLines { After = pitch },
                    NoFirstLineIndent(),
                    new ContextualSpacing(),
                    new Justification { Val = JustificationValues.Center }),
                Run(_options.Title, spacing: 0)),

            Style(StyleIds.Heading1, "heading 1", StyleIds.Normal,
                new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
                Run(_options.Heading1)),

            Style(StyleIds.Heading2, "heading 2", StyleIds.Normal,
                new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 1 }),
                Run(_options.Heading2)),

            // Name and date: one blank line above, set against the right margin less the genre's indent.
            Style(StyleIds.Closing, "Closing", StyleIds.Normal,
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Before = pitch },
                    new Indentation { FirstLine = "0", FirstLineChars = 0, Right = Twips(_layout.ClosingRightIndent), RightChars = _options.ClosingRightIndent * 100 },
                    new ContextualSpacing(),
                    new Justification { Val = JustificationValues.Right }),
                null),

            // The page number's line is exactly its size high, which puts it where WordPageLayout computed.
            Style(StyleIds.Footer, "footer", StyleIds.Normal,
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Line = Twips(_layout.PageNumberLine), LineRule = LineSpacingRuleValues.Exact },
                    NoFirstLineIndent()),
                Run(_options.PageNumber, spacing: 0)));
    }

    private static Style Style(string id, string name, string? basedOn, StyleParagraphProperties paragraph, StyleRunProperties? run)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is null)
        {
            style.Default = true;
        }
        else
        {
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = StyleIds.Normal }, new PrimaryStyle());
        }

        style.Append(paragraph);
        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    /// <summary>
    /// A kind of text's font and size, and not bold, explicitly: renderers' own heading and title
    /// styles are bold and would show through. <paramref name="spacing"/> null inherits the body's.
    /// </summary>
    private static StyleRunProperties Run(WordFontOptions font, int? spacing = null, bool offGrid = false)
    {
        var run = new StyleRunProperties(
            new RunFonts { Ascii = font.Font, HighAnsi = font.Font, EastAsia = font.Font, ComplexScript = font.Font },
            new Bold { Val = false },
            new BoldComplexScript { Val = false });
        if (offGrid)
        {
            run.Append(new SnapToGrid { Val = false });
        }

        if (spacing is int twips)
        {
            run.Append(new Spacing { Val = twips });
        }

        var size = WordPageLayout.HalfPoints(font.Size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        run.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        return run;
    }

    private static Settings Settings() => new(
        new EvenAndOddHeaders(),
        // Chinese punctuation keeps its full width, a character's like every other.
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { EastAsia = Language });

    /// <summary>
    /// One entry per font; a fallback is the entry's alternate name (w:altName), which a program
    /// that lacks the font should try before substituting by its own rules.
    /// </summary>
    private Fonts FontTable()
    {
        var fonts = new[] { _options.Title, _options.Body, _options.Heading1, _options.Heading2, _options.PageNumber }
            .GroupBy(f => f.Font, StringComparer.Ordinal)
            .Select(g =>
            {
                var entry = new Font { Name = g.Key };
                var fallback = g.Select(f => f.FallbackFont).FirstOrDefault(f => f.Length > 0 && f != g.Key);
                if (fallback is not null)
                {
                    entry.Append(new AltName { Val = fallback });
                }

                return entry;
            });
        return new Fonts(fonts);
    }

    private static Indentation NoFirstLineIndent() => new() { FirstLine = "0", FirstLineChars = 0 };

    private static string Twips(int twips) => twips.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static class StyleIds
    {
        public const string Normal = "Normal";
        public const string Title = "Title";
        public const string Heading1 = "Heading1";
        public const string Heading2 = "Heading2";
        public const string Closing = "Closing";
        public const string Footer = "Footer";
    }
}
