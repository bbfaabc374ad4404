using System.Buffers.Binary;
using MeetingBot.Materials.Outline;
using MeetingBot.TestKit;
using Microsoft.Extensions.Options;
using Xunit;

namespace MeetingBot.Materials.OpenXml.Tests;

/// <summary>
/// The full draft, a signed material, and the three materials of <see cref="SeveralMaterials"/> in
/// one document, written with the default settings and converted to PDF by LibreOffice once for
/// the whole class.
/// </summary>
public sealed class RenderedMaterials : IAsyncLifetime
{
    /// <summary>The full draft, the signed material and the full draft again: the short one in the middle shows where a page break is needed.</summary>
    public static IReadOnlyList<DocumentOutline> SeveralMaterials { get; } = [Outlines.FullDraft, Outlines.SignedMaterial, Outlines.FullDraft];

    public TempFolder Folder { get; } = new();

    public Pdf FullDraft { get; private set; } = null!;

    public Pdf SignedMaterial { get; private set; } = null!;

    public Pdf Several { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var writer = new WordDocumentWriter(Options.Create(new WordLayoutOptions()));
        await File.WriteAllBytesAsync(Folder.File("full.docx"), writer.Write(Outlines.FullDraft));
        await File.WriteAllBytesAsync(Folder.File("signed.docx"), writer.Write(Outlines.SignedMaterial));
        await File.WriteAllBytesAsync(Folder.File("several.docx"), writer.Write(SeveralMaterials));

        var pdfs = await LibreOffice.ConvertAsync(Folder, "pdf", ".pdf", "full.docx", "signed.docx", "several.docx");
        FullDraft = await Pdf.ReadAsync(pdfs[0]);
        SignedMaterial = await Pdf.ReadAsync(pdfs[1]);
        Several = await Pdf.ReadAsync(pdfs[2]);
    }

    public Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// What a reader sees when LibreOffice (Debian's libreoffice-writer-nogui, with a free CJK font
/// standing in for the Chinese fonts) renders the documents. Positions are PDF points from the
/// page's top left; the type area of the defaults is 28 mm to 184 mm across and 37 mm to 262 mm down.
/// </summary>
public sealed class LibreOfficeRenderingTests(RenderedMaterials rendered) : IClassFixture<RenderedMaterials>
{
    private const double Tolerance = 1.5;

    /// <summary>One body character: 314 twips, 16 pt less the spacing that fits 28 of them on a line.</summary>
    private const double Character = 15.7;

    private static readonly double Left = Points(28);
    private static readonly double Right = Points(210 - 26);
    private static readonly double Top = Points(37);
    private static readonly double Bottom = Points(297 - 35);

    [Fact]
    public void The_pages_are_A4()
    {
        Assert.All([rendered.FullDraft, rendered.SignedMaterial], pdf =>
        {
            Assert.Equal(Points(210), pdf.Width, 0.1);
            Assert.Equal(Points(297), pdf.Height, 0.1);
        });
    }

    /// <summary>
    /// Below its three title lines and their blank line the first page holds 18 lines of body
    /// text, every other page 22; the draft's 89 lines of body therefore end on the fifth page.
    /// </summary>
    [Fact]
    public void The_full_draft_takes_four_pages_each_numbered_at_its_foot()
    {
        Assert.Equal(4, rendered.FullDraft.Pages);
        Assert.Equal(
            Enumerable.Range(1, 4).Select(n => $"—{n}—"),
            rendered.FullDraft.PageTexts.Select(page => ReadingOrder.WithoutWhitespace(LastLine(page))));
    }

    [Fact]
    public void Every_paragraph_of_the_full_draft_is_on_the_pages_in_order()
    {
        Assert.Null(ReadingOrder.FirstMissing(BodyText(rendered.FullDraft), Outlines.FullDraft.Blocks.Select(b => b.Text)));
        Assert.Null(ReadingOrder.FirstMissing(BodyText(rendered.SignedMaterial), Outlines.SignedMaterial.Blocks.Select(b => b.Text)));
    }

    [Fact]
    public void The_reading_check_notices_a_paragraph_out_of_place_or_changed()
    {
        var texts = Outlines.FullDraft.Blocks.Select(b => b.Text).ToList();
        var body = BodyText(rendered.FullDraft);

        // The opening and the first heading occur once each: swapped, the opening is missing after the heading.
        (texts[1], texts[2]) = (texts[2], texts[1]);
        Assert.Equal(texts[2], ReadingOrder.FirstMissing(body, texts));
        Assert.Equal("一、存在的主要问题。", ReadingOrder.FirstMissing(body, ["一、存在的主要问题。"]));
    }

    [Fact]
    public void A_full_page_holds_22_lines_and_a_line_28_characters()
    {
        // A heading kept with its first line may leave a page a line short; none holds more than 22.
        var middlePages = rendered.FullDraft.PageLines.Skip(1).SkipLast(1).Select(page => InTypeArea(page).Count()).ToList();
        Assert.All(middlePages, lines => Assert.InRange(lines, 20, 22));
        Assert.Contains(22, middlePages);

        // The opening paragraph, below the two title lines: 26 characters after the indent of
        // two, then lines of 28, except where digits (narrower) come in, or where a line's last
        // character goes down with the mark after it, which may not start a line.
        var opening = rendered.FullDraft.PageLines[0].Skip(2).TakeWhile(l => !l.Text.StartsWith("一、", StringComparison.Ordinal)).Select(l => l.Text).ToList();
        Assert.Equal(ReadingOrder.WithoutWhitespace(Outlines.FullDraft.Blocks[1].Text), string.Concat(opening.Select(ReadingOrder.WithoutWhitespace)));
        Assert.Equal(26, opening[0].Length);
        var middle = Enumerable.Range(1, opening.Count - 2).Where(i => !opening[i].Any(char.IsAsciiDigit)).ToList();
        Assert.All(middle, i => Assert.True(
            opening[i].Length == 28 || (opening[i].Length == 27 && "、，。；：！？）」”".Contains(opening[i + 1][1], StringComparison.Ordinal)),
            $"line {i + 1}: {opening[i]}"));
        Assert.InRange(middle.Count(i => opening[i].Length == 28), 3, opening.Count);
    }

    [Fact]
    public void No_text_leaves_the_type_area()
    {
        Assert.All(rendered.FullDraft.PageLines.SelectMany(InTypeArea), line =>
        {
            Assert.InRange(line.XMin, Left, Right);
            Assert.InRange(line.XMax, Left, Right);
        });
    }

    [Fact]
    public void The_title_is_centred_and_paragraphs_and_headings_are_indented_two_characters()
    {
        var page = rendered.FullDraft.PageLines[0];
        Assert.Equal(["关于县委第二巡察组反馈意见整改", "专题民主生活会的个人对照检查材料"], page.Take(2).Select(l => l.Text));
        Assert.All(page.Take(2), line => Assert.Equal((Left + Right) / 2, (line.XMin + line.XMax) / 2, Tolerance));

        var firstLines = page.Where(l => l.Text.StartsWith("根据", StringComparison.Ordinal) || l.Text.StartsWith("一、", StringComparison.Ordinal) || l.Text.StartsWith("（一）", StringComparison.Ordinal));
        Assert.Equal(3, firstLines.Count());
        Assert.All(firstLines, line => Assert.Equal(Left + (2 * Character), line.XMin, Tolerance));
        Assert.Equal(Left, page[4].XMin, Tolerance);
    }

    [Fact]
    public void Page_numbers_stand_below_the_type_area_one_character_in_from_the_outer_edge()
    {
        var numbers = rendered.FullDraft.PageLines.Select(page => page[^1]).ToList();

        Assert.All(numbers.Where((_, i) => i % 2 == 0), odd => Assert.Equal(Right - 14, odd.XMax, Tolerance));
        Assert.All(numbers.Where((_, i) => i % 2 == 1), even => Assert.Equal(Left + 14, even.XMin, Tolerance));
        // The line's top lies 7 mm below the type area; the glyph box starts a little above it.
        Assert.All(numbers, number => Assert.Equal(Bottom + Points(7), number.YMin, 3.0));
    }

    [Fact]
    public void The_closing_lines_end_four_characters_before_the_right_margin()
    {
        var page = rendered.SignedMaterial.PageLines[0];

        Assert.Equal(["某局党组成员、副局长张某2025", "年度民主生活会个人对照检查材料"], page.Take(2).Select(l => ReadingOrder.WithoutWhitespace(l.Text)));
        var closing = page.Where(l => ReadingOrder.WithoutWhitespace(l.Text) is "张某" or "2026年1月15日").ToList();
        Assert.Equal(2, closing.Count);
        Assert.All(closing, line => Assert.Equal(Right - (4 * Character), line.XMax, Tolerance));
    }

    [Fact]
    public async Task The_first_page_rasterises_to_a_picture_of_the_page()
    {
        using var folder = new TempFolder();

        await Tools.RunAsync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", rendered.FullDraft.Path, folder.File("page")], TimeSpan.FromSeconds(60));

        var png = await File.ReadAllBytesAsync(folder.File("page-1.png"));
        // The PNG header's IHDR chunk: A4 at 60 dpi, rounded up, is 497 × 702 pixels.
        Assert.Equal(
            (497, 702),
            (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        // A blank page compresses to a few kilobytes; a page of text does not.
        Assert.True(png.Length > 40_000, $"page-1.png is only {png.Length} bytes");
    }

    /// <summary>
    /// The three materials in one document take the pages they take alone (4, 1 and 4): each
    /// starts a page of its own, its first title line where it stands on its own first page.
    /// </summary>
    [Fact]
    public void Several_materials_each_start_a_page_and_take_the_pages_they_take_alone()
    {
        Pdf[] alone = [rendered.FullDraft, rendered.SignedMaterial, rendered.FullDraft];
        var starts = alone.Select((pdf, i) => alone.Take(i).Sum(p => p.Pages)).ToList();
        var titleLines = alone.Select(pdf => FirstLine(pdf.PageTexts[0])).ToList();

        Assert.Equal(alone.Sum(pdf => pdf.Pages), rendered.Several.Pages);
        Assert.Equal(starts, Enumerable.Range(0, rendered.Several.Pages).Where(i => titleLines.Contains(FirstLine(rendered.Several.PageTexts[i]))));
        Assert.Equal(titleLines, starts.Select(i => FirstLine(rendered.Several.PageTexts[i])));
        Assert.All(starts, i => Assert.Equal(rendered.FullDraft.PageLines[0][0].YMin, rendered.Several.PageLines[i][0].YMin, Tolerance));
    }

    [Fact]
    public void Several_materials_say_every_paragraph_in_order_on_pages_numbered_through()
    {
        Assert.Null(ReadingOrder.FirstMissing(BodyText(rendered.Several), RenderedMaterials.SeveralMaterials.SelectMany(o => o.Blocks).Select(b => b.Text)));
        Assert.Equal(
            Enumerable.Range(1, rendered.Several.Pages).Select(n => $"—{n}—"),
            rendered.Several.PageTexts.Select(page => ReadingOrder.WithoutWhitespace(LastLine(page))));
    }

    private static double Points(double millimetres) => millimetres / 25.4 * 72;

    private static IEnumerable<PdfLine> InTypeArea(IReadOnlyList<PdfLine> page) => page.Where(l => l.YMin >= Top - Tolerance && l.YMax <= Bottom + Tolerance);

    private static string FirstLine(string page) => ReadingOrder.WithoutWhitespace(page.Split('\n').First(l => l.Trim().Length > 0));

    private static string LastLine(string page) => page.Split('\n').Last(l => l.Trim().Length > 0);

    /// <summary>The pages' text without their page numbers, which would otherwise sit inside a paragraph that runs on.</summary>
    private static string BodyText(Pdf pdf) => string.Concat(pdf.PageTexts.Select(page => page[..page.LastIndexOf(LastLine(page), StringComparison.Ordinal)]));
}
