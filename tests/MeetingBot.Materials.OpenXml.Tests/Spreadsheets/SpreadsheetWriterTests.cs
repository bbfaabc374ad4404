using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using MeetingBot.Materials.OpenXml.Spreadsheets;
using MeetingBot.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Materials.OpenXml.Tests.Spreadsheets;

/// <summary>A rectification list as the secretary gets it: the tables the tests write.</summary>
internal static class Tables
{
    public static SpreadsheetTable RectificationList { get; } = new(
        "整改清单",
        ["存在问题", "整改措施", "责任人", "完成时限", "对应反馈问题"],
        [
            ["理论学习的主动性和自觉性不够，存在以干代学、以忙挤学的情况。", "制定个人学习计划，每次中心组学习前通读材料、准备发言提纲。", "张某", "2026年3月31日", "f1"],
            ["专项资金监管不严，存在多发冒领。", "逐笔核查2025年以来的发放记录，追回多发资金；\n建立季度比对机制。", "李卫东", "长期坚持", "f2"],
            ["=1+1", "以等号开头的文字"],
        ]);

    /// <summary>The rows as a reader sees them: the header row first, every row as wide as the headers.</summary>
    public static IEnumerable<IReadOnlyList<string>> Seen(SpreadsheetTable table) =>
        table.Rows.Prepend(table.Headers).Select(row => (IReadOnlyList<string>)[.. row, .. Enumerable.Repeat("", table.Headers.Count - row.Count)]);
}

/// <summary>
/// The rectification list written as a workbook and converted to CSV (UTF-8, comma-separated) by
/// LibreOffice once for the class.
/// </summary>
public sealed class ConvertedRectificationList : IAsyncLifetime
{
    public TempFolder Folder { get; } = new();

    public string Csv { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Folder.File("list.xlsx"), new SpreadsheetWriter().Write(Tables.RectificationList));
        var csv = await LibreOffice.ConvertAsync(Folder, "csv:Text - txt - csv (StarCalc):44,34,76,1", ".csv", "list.xlsx");
        Csv = await File.ReadAllTextAsync(csv[0]);
    }

    public Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class SpreadsheetWriterTests(ConvertedRectificationList converted) : IClassFixture<ConvertedRectificationList>
{
    private static readonly SpreadsheetWriter Writer = new();

    [Fact]
    public void The_table_reads_back_as_one_sheet_of_its_headers_and_rows_with_short_rows_filled_with_empty_cells()
    {
        var sheet = Assert.Single(Read(Writer.Write(Tables.RectificationList)));

        Assert.Equal("整改清单", sheet.Name);
        Assert.Equal(Tables.Seen(Tables.RectificationList), sheet.Rows);
    }

    [Fact]
    public void LibreOffice_opens_the_workbook_with_every_row_and_a_text_that_looks_like_a_formula_as_that_text()
    {
        var rows = CsvRows(converted.Csv);

        Assert.Equal(Tables.Seen(Tables.RectificationList), rows);
        Assert.Equal("=1+1", rows[3][0]);
    }

    [Fact]
    public void Every_cell_is_text_and_none_a_formula()
    {
        using var document = Open(Writer.Write(Tables.RectificationList));

        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Where(c => c.CellValue is not null).ToList();
        Assert.Equal(17, cells.Count);
        Assert.All(cells, cell => Assert.Equal(CellValues.SharedString, cell.DataType!.Value));
        Assert.Empty(document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
    }

    [Fact]
    public void The_header_row_is_bold_and_frozen_above_the_rows_with_a_filter_on_it()
    {
        using var document = Open(Writer.Write(Tables.RectificationList));

        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.All(rows[0].Elements<Cell>(), cell => Assert.True(Format(document, cell).Font.Bold is not null, cell.CellReference));
        Assert.All(rows.Skip(1).SelectMany(r => r.Elements<Cell>()), cell => Assert.Null(Format(document, cell).Font.Bold));

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 1.0, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value!));
        Assert.Null(pane.HorizontalSplit);
        Assert.Equal("A1:E4", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
    }

    [Fact]
    public void Every_cell_wraps_its_text_and_a_row_left_short_still_has_its_framed_empty_cells()
    {
        using var document = Open(Writer.Write(Tables.RectificationList));

        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.All(rows, row => Assert.Equal(5, row.Elements<Cell>().Count()));
        Assert.All(rows.SelectMany(r => r.Elements<Cell>()), cell =>
        {
            var (format, _) = Format(document, cell);
            Assert.True(format.Alignment!.WrapText!.Value);
            Assert.NotEqual(0u, format.BorderId!.Value);
        });
    }

    /// <summary>Widths count a Chinese character as two digits: 责任人 and 李卫东 are 6, 2026年3月31日 is 13; the long texts stop at the cap and wrap.</summary>
    [Fact]
    public void Columns_are_as_wide_as_their_longest_line_up_to_a_cap()
    {
        using var document = Open(Writer.Write(Tables.RectificationList));

        var widths = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(5, widths.Count);
        Assert.Equal(widths[0], widths[1]);
        Assert.InRange(widths[0], 40, 60);
        Assert.InRange(widths[2], 6, 12);
        Assert.InRange(widths[3], 13, 20);
        Assert.True(widths[2] < widths[3] && widths[3] < widths[0]);
    }

    public static TheoryData<string, string> SheetNames => new()
    {
        { "整改清单", "整改清单" },
        { "整改清单[第1/2批]:*?\\", "整改清单_第1_2批_____" },
        { "'青山县民政局党组巡察整改专题民主生活会整改落实清单（2026年）'", "青山县民政局党组巡察整改专题民主生活会整改落实清单（2026年" },
        { "  ", "Sheet1" },
        { "history", "history_" },
    };

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, no apostrophe at either end, not empty, not History.</summary>
    [Theory]
    [MemberData(nameof(SheetNames))]
    public void The_sheet_is_named_as_Excel_allows(string given, string written)
    {
        var sheet = Assert.Single(Read(Writer.Write(Tables.RectificationList with { SheetName = given })));

        Assert.Equal(written, sheet.Name);
        Assert.InRange(sheet.Name.Length, 1, 31);
    }

    [Fact]
    public void A_name_with_an_apostrophe_inside_keeps_it_and_the_workbook_is_valid()
    {
        using var document = Open(Writer.Write(Tables.RectificationList with { SheetName = "张某's清单" }));

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        Assert.Equal("'张某''s清单'!$A$1:$E$4", document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single().Text);
    }

    [Fact]
    public void Control_characters_a_paste_brings_are_left_out_and_line_breaks_and_emoji_kept()
    {
        var table = new SpreadsheetTable("s", ["问题"], [["专项\u0001资金\u000B监管\n不严👍"]]);

        Assert.Equal("专项资金监管\n不严👍", Read(Writer.Write(table))[0].Rows[1][0]);
    }

    [Fact]
    public void A_table_without_headers_or_with_a_row_longer_than_its_headers_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Writer.Write(new SpreadsheetTable("s", [], [])));
        var error = Assert.Throws<ArgumentException>(() => Writer.Write(new SpreadsheetTable("s", ["问题"], [["一"], ["二", "多余"]])));
        Assert.Contains("Row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_word_export_registers_the_writer()
    {
        using var services = new ServiceCollection().AddWordExport(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Single(Read(services.GetRequiredService<SpreadsheetWriter>().Write(Tables.RectificationList)));
    }

    private static IReadOnlyList<SheetText> Read(byte[] workbook) => SpreadsheetReader.Read(new MemoryStream(workbook));

    private static SpreadsheetDocument Open(byte[] workbook) => SpreadsheetDocument.Open(new MemoryStream(workbook, writable: false), isEditable: false);

    private static (CellFormat Format, Font Font) Format(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        return (format, styles.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value));
    }

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold a comma, a quote or a line break; a quote inside doubled.</summary>
    private static List<List<string>> CsvRows(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        // The last line may end without a line break.
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
