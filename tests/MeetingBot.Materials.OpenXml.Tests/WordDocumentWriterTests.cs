using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingBot.Materials.Outline;
using Microsoft.Extensions.Options;
using Xunit;

namespace MeetingBot.Materials.OpenXml.Tests;

/// <summary>The written XML against the settings. Expected numbers are worked out by hand from the defaults.</summary>
public sealed class WordDocumentWriterTests
{
    private static readonly WordDocumentWriter Writer = new(Options.Create(new WordLayoutOptions()));

    private static readonly string[] StylesWithFonts = ["Normal", "Title", "Heading1", "Heading2", "Footer"];

    [Fact]
    public void The_full_draft_opens_with_the_sdk_and_the_validator_finds_no_errors()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.FullDraft));

        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(docx.Document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}");

        Assert.Empty(errors);
        Assert.Equal(Outlines.FullDraft.Blocks.Count + 1, docx.Paragraphs().Count());
    }

    [Fact]
    public void Each_block_is_a_paragraph_in_the_style_of_its_kind_saying_the_outlines_words()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.FullDraft));

        // The title is 31 characters of 2号, more than a line holds (20), so it becomes two lines as even as the words allow.
        Assert.Equal(
            [("Title", "关于县委第二巡察组反馈意见整改"), ("Title", "专题民主生活会的个人对照检查材料")],
            docx.Paragraphs().Take(2));
        var styles = new Dictionary<BlockKind, string>
        {
            [BlockKind.Paragraph] = "Normal",
            [BlockKind.Heading1] = "Heading1",
            [BlockKind.Heading2] = "Heading2",
            [BlockKind.Closing] = "Closing",
        };
        Assert.Equal(
            Outlines.FullDraft.Blocks.Skip(1).Select(b => (styles[b.Kind], b.Text)),
            docx.Paragraphs().Skip(2));

        // Formatting lives in the styles: no run carries any, no paragraph more than its style.
        Assert.Empty(docx.Body.Descendants<RunProperties>());
        Assert.All(docx.Body.Elements<Paragraph>(), p => Assert.All(p.ParagraphProperties?.ChildElements ?? [], e => Assert.IsType<ParagraphStyleId>(e)));
    }

    [Fact]
    public void Closing_lines_are_paragraphs_of_the_closing_style_with_the_date_as_given()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.SignedMaterial));

        Assert.Equal([("Closing", "张某"), ("Closing", "2026年1月15日")], docx.Paragraphs().TakeLast(2));
    }

    [Fact]
    public void The_page_is_A4_with_the_standards_margins_and_a_grid_of_22_lines_of_28_characters()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.FullDraft));

        var size = Docx.Get<PageSize>(docx.Section);
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margins = Docx.Get<PageMargin>(docx.Section);
        Assert.Equal((2098, 1984, 1587u, 1474u), (margins.Top!.Value, margins.Bottom!.Value, margins.Left!.Value, margins.Right!.Value));
        // 35 mm of bottom margin, less 7 mm to the page number's line, less the line's own 14 pt.
        Assert.Equal(1984u - 397u - 280u, margins.Footer!.Value);

        var grid = Docx.Get<DocGrid>(docx.Section);
        Assert.Equal(DocGridValues.LinesAndChars, grid.Type!.Value);
        Assert.Equal(579, grid.LinePitch!.Value);
        Assert.Equal(-842, grid.CharacterSpace!.Value);
    }

    [Fact]
    public void The_styles_give_each_kind_its_font_and_size_and_none_is_bold()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.FullDraft));

        Assert.Equal(("方正小标宋简体", "44"), FontAndSize(docx.Style("Title")));
        Assert.Equal(("仿宋_GB2312", "32"), FontAndSize(docx.Style("Normal")));
        Assert.Equal(("黑体", "32"), FontAndSize(docx.Style("Heading1")));
        Assert.Equal(("楷体_GB2312", "32"), FontAndSize(docx.Style("Heading2")));
        Assert.Equal(("宋体", "28"), FontAndSize(docx.Style("Footer")));
        Assert.All(StylesWithFonts, id => Assert.False(Docx.Get<Bold>(docx.Style(id)).Val!.Value));
        Assert.Equal("heading 1", docx.Style("Heading1").StyleName!.Val);
        Assert.Equal(0, Docx.Get<OutlineLevel>(docx.Style("Heading1")).Val!.Value);
        Assert.Equal(1, Docx.Get<OutlineLevel>(docx.Style("Heading2")).Val!.Value);
    }

    [Fact]
    public void Body_text_is_justified_on_exact_lines_of_the_grid_and_indented_two_characters()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.FullDraft));
        var normal = docx.Style("Normal");

        Assert.True(normal.Default!.Value);
        var spacing = Docx.Get<SpacingBetweenLines>(normal);
        Assert.Equal(("579", LineSpacingRuleValues.Exact), (spacing.Line!.Value, spacing.LineRule!.Value));
        Assert.Equal(JustificationValues.Both, Docx.Get<Justification>(normal).Val!.Value);
        // A character is 16 pt less 6 twips (314 twips), so two are 628 twips.
        var indent = Docx.Get<Indentation>(normal);
        Assert.Equal((200, "628"), (indent.FirstLineChars!.Value, indent.FirstLine!.Value));
        Assert.Equal(-6, Docx.Get<Spacing>(normal.StyleRunProperties!).Val!.Value);
        Assert.All(normal.Descendants<SnapToGrid>(), s => Assert.False(s.Val!.Value));
        Assert.Equal(2, normal.Descendants<SnapToGrid>().Count());
        Assert.False(Docx.Get<WidowControl>(normal).Val!.Value);
    }

    [Fact]
    public void The_title_is_centred_at_its_natural_width_and_the_closing_set_four_characters_from_the_right()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.FullDraft));

        var title = docx.Style("Title");
        Assert.Equal(JustificationValues.Center, Docx.Get<Justification>(title).Val!.Value);
        Assert.Equal(0, Docx.Get<Spacing>(title.StyleRunProperties!).Val!.Value);
        Assert.Equal("0", Docx.Get<Indentation>(title).FirstLine!.Value);
        Assert.Equal("579", Docx.Get<SpacingBetweenLines>(title).After!.Value);

        var closing = docx.Style("Closing");
        Assert.Equal(JustificationValues.Right, Docx.Get<Justification>(closing).Val!.Value);
        var indent = Docx.Get<Indentation>(closing);
        Assert.Equal((400, "1256", "0"), (indent.RightChars!.Value, indent.Right!.Value, indent.FirstLine!.Value));
    }

    [Fact]
    public void A_missing_font_falls_back_to_the_alternate_name_in_the_font_table()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.FullDraft));

        var fonts = docx.Main.FontTablePart!.Fonts!.Elements<Font>()
            .ToDictionary(f => f.Name!.Value!, f => f.GetFirstChild<AltName>()?.Val?.Value);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["方正小标宋简体"] = null,
                ["仿宋_GB2312"] = "仿宋",
                ["黑体"] = null,
                ["楷体_GB2312"] = "楷体",
                ["宋体"] = null,
            },
            fonts);
    }

    [Fact]
    public void Page_numbers_are_dashed_page_fields_on_the_outer_side_of_odd_and_even_pages()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.FullDraft));

        Assert.NotNull(docx.Main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        var odd = docx.Footer(HeaderFooterValues.Default);
        var even = docx.Footer(HeaderFooterValues.Even);
        Assert.Equal((JustificationValues.Right, "280"), (Docx.Get<Justification>(odd).Val!.Value, Docx.Get<Indentation>(odd).Right!.Value));
        Assert.Equal((JustificationValues.Left, "280"), (Docx.Get<Justification>(even).Val!.Value, Docx.Get<Indentation>(even).Left!.Value));
        Assert.All([odd, even], footer =>
        {
            Assert.Equal("Footer", Docx.Get<ParagraphStyleId>(footer).Val);
            Assert.Equal("PAGE", Docx.Get<FieldCode>(footer).Text.Trim());
            var texts = footer.Descendants<Text>().Select(t => t.Text).ToList();
            Assert.Equal("— ", texts[0]);
            Assert.Equal(" —", texts[^1]);
            Assert.Equal(
                [FieldCharValues.Begin, FieldCharValues.Separate, FieldCharValues.End],
                footer.Descendants<FieldChar>().Select(c => c.FieldCharType!.Value));
        });
    }

    [Fact]
    public void The_document_is_Chinese_and_its_properties_name_the_title_and_nobody()
    {
        using var docx = Docx.Open(Writer.Write(Outlines.FullDraft));

        var properties = docx.Document.PackageProperties;
        Assert.Equal("关于县委第二巡察组反馈意见整改专题民主生活会的个人对照检查材料", properties.Title);
        Assert.Equal("zh-CN", properties.Language);
        Assert.Null(properties.Creator);
        Assert.Null(properties.LastModifiedBy);
        var language = Docx.Get<Languages>(docx.Main.StyleDefinitionsPart!.Styles!.DocDefaults!);
        Assert.Equal(("zh-CN", "zh-CN"), (language.Val!.Value, language.EastAsia!.Value));
    }

    /// <summary>
    /// Other margins, a grid of 20 lines of 25 characters, other fonts and no fallbacks:
    /// 30 mm = 1701 twips, 25 mm = 1417; type area 11906 − 2834 = 9072 × 16838 − 3402 = 13436
    /// twips; line pitch 13436 / 20 = 671.8 → 671; character pitch 9072 / 25 = 362.88 twips =
    /// 18.144 pt, (18.144 − 16) × 4096 = 8781.8 → 8781; spacing 362.88 − 320 → 42, less the
    /// twip of slack, 41 twips, so a character is 361 twips.
    /// </summary>
    [Fact]
    public void Changed_settings_change_the_page_the_grid_and_the_fonts()
    {
        var options = new WordLayoutOptions
        {
            MarginTop = 30,
            MarginBottom = 30,
            MarginLeft = 25,
            MarginRight = 25,
            LinesPerPage = 20,
            CharactersPerLine = 25,
            ClosingRightIndent = 2,
            Title = new WordFontOptions { Font = "华文中宋", Size = 18 },
            Body = new WordFontOptions { Font = "仿宋", Size = 16 },
            Heading1 = new WordFontOptions { Font = "方正黑体_GBK", Size = 16 },
            PageNumber = new WordFontOptions { Font = "Times New Roman", Size = 14 },
        };
        using var docx = Docx.Open(new WordDocumentWriter(Options.Create(options)).Write(Outlines.SignedMaterial));

        var margins = Docx.Get<PageMargin>(docx.Section);
        Assert.Equal((1701, 1701, 1417u, 1417u), (margins.Top!.Value, margins.Bottom!.Value, margins.Left!.Value, margins.Right!.Value));
        Assert.Equal(1701u - 397u - 280u, margins.Footer!.Value);
        var grid = Docx.Get<DocGrid>(docx.Section);
        Assert.Equal((671, 8781), (grid.LinePitch!.Value, grid.CharacterSpace!.Value));

        Assert.Equal(("华文中宋", "36"), FontAndSize(docx.Style("Title")));
        Assert.Equal(("仿宋", "32"), FontAndSize(docx.Style("Normal")));
        Assert.Equal(("方正黑体_GBK", "32"), FontAndSize(docx.Style("Heading1")));
        Assert.Equal(("Times New Roman", "28"), FontAndSize(docx.Style("Footer")));
        Assert.Equal("671", Docx.Get<SpacingBetweenLines>(docx.Style("Normal")).Line!.Value);
        Assert.Equal(41, Docx.Get<Spacing>(docx.Style("Normal").StyleRunProperties!).Val!.Value);
        Assert.Equal("722", Docx.Get<Indentation>(docx.Style("Normal")).FirstLine!.Value);
        Assert.Equal((200, "722"), (Docx.Get<Indentation>(docx.Style("Closing")).RightChars!.Value, Docx.Get<Indentation>(docx.Style("Closing")).Right!.Value));

        // The body's font has no fallback now; the headings' default one still has its own.
        var fonts = docx.Main.FontTablePart!.Fonts!.Elements<Font>()
            .ToDictionary(f => f.Name!.Value!, f => f.GetFirstChild<AltName>()?.Val?.Value);
        Assert.Null(fonts["仿宋"]);
        Assert.Equal("楷体", fonts["楷体_GB2312"]);

        // 18 pt on a type area of 9072 twips: a line holds 25.2 characters, so the title (29)
        // still needs two lines, split as evenly as the year allows.
        Assert.Equal(
            [("Title", "某局党组成员、副局长张某2025"), ("Title", "年度民主生活会个人对照检查材料")],
            docx.Paragraphs().Take(2));
    }

    [Fact]
    public async Task Writing_to_a_stream_that_cannot_seek_gives_the_same_document()
    {
        using var destination = new ForwardOnlyStream();

        await Writer.WriteAsync(Outlines.FullDraft, destination, CancellationToken.None);

        using var written = Docx.Open(destination.Written.ToArray());
        using var direct = Docx.Open(Writer.Write(Outlines.FullDraft));
        Assert.Equal(direct.Main.Document.OuterXml, written.Main.Document.OuterXml);
        Assert.Equal(direct.Main.StyleDefinitionsPart!.Styles!.OuterXml, written.Main.StyleDefinitionsPart!.Styles!.OuterXml);
    }

    [Fact]
    public void Several_outlines_are_one_section_each_outline_after_the_first_breaking_to_a_new_page()
    {
        DocumentOutline[] outlines = [Outlines.FullDraft, Outlines.SignedMaterial, Outlines.FullDraft];

        using var docx = Docx.Open(Writer.Write(outlines));

        var alone = outlines.Select(o =>
        {
            using var single = Docx.Open(Writer.Write(o));
            return single.Paragraphs().ToList();
        }).ToList();
        Assert.Equal(alone.SelectMany(p => p), docx.Paragraphs());
        var paragraphs = docx.Body.Elements<Paragraph>().ToList();
        Assert.Equal(
            [alone[0].Count, alone[0].Count + alone[1].Count],
            paragraphs.Select((p, i) => (p, i)).Where(x => x.p.ParagraphProperties?.PageBreakBefore is not null).Select(x => x.i));
        Assert.Equal("Title", paragraphs[alone[0].Count].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Single(docx.Body.Descendants<SectionProperties>());
        Assert.Equal("关于县委第二巡察组反馈意见整改专题民主生活会的个人对照检查材料", docx.Document.PackageProperties.Title);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(docx.Document));
    }

    [Fact]
    public async Task Several_outlines_written_to_a_stream_give_the_same_document()
    {
        DocumentOutline[] outlines = [Outlines.SignedMaterial, Outlines.FullDraft];
        using var destination = new MemoryStream();

        await Writer.WriteAsync(outlines, destination, CancellationToken.None);

        using var written = Docx.Open(destination.ToArray());
        using var direct = Docx.Open(Writer.Write(outlines));
        Assert.Equal(direct.Main.Document.OuterXml, written.Main.Document.OuterXml);
    }

    [Fact]
    public async Task No_outlines_or_a_missing_one_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Writer.Write([]));
        Assert.Throws<ArgumentException>(() => Writer.Write([Outlines.SignedMaterial, null!]));
        await Assert.ThrowsAsync<ArgumentException>(() => Writer.WriteAsync([], Stream.Null, CancellationToken.None));
    }

    [Fact]
    public void Settings_that_describe_no_page_are_refused_when_the_writer_is_made()
    {
        var options = new WordLayoutOptions { MarginLeft = 110, MarginRight = 100 };

        var error = Assert.Throws<OptionsValidationException>(() => new WordDocumentWriter(Options.Create(options)));

        Assert.Contains("Word:MarginLeft and Word:MarginRight", error.Message, StringComparison.Ordinal);
    }

    private static (string Font, string Size) FontAndSize(Style style) =>
        (Docx.Get<RunFonts>(style).EastAsia!.Value!, Docx.Get<FontSize>(style).Val!.Value!);

    /// <summary>Like an HTTP response body: written once, front to back.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Written.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
