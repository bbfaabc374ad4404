using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MeetingBot.Materials.OpenXml.Spreadsheets;

/// <summary>
/// Writes a <see cref="SpreadsheetTable"/> as a workbook (.xlsx) of one sheet, ready to read and
/// print: the header row bold, frozen above the rows and with a filter on it; every cell text (a
/// text that begins with "=" stays that text, it is never a formula), wrapped, top-aligned and
/// framed; and each column as wide as its longest line, counting a Chinese character twice a
/// Latin one, within bounds so that a long column wraps instead of running off the screen.
/// </summary>
public sealed class SpreadsheetWriter
{
    /// <summary>Excel's limit on a sheet name's length.</summary>
    private const int SheetNameLength = 31;

    /// <summary>Column widths in characters of the default font's digit width.</summary>
    private const double NarrowestColumn = 8;

    private const double WidestColumn = 50;

    /// <summary>The margin a column gets beyond its text, for the filter's button and the cell's padding.</summary>
    private const double ColumnPadding = 3;

    private const string FontName = "DengXian";

    /// <summary>The GB2312 character set: a Chinese font.</summary>
    private const int ChineseCharacterSet = 134;

    /// <exception cref="ArgumentException">The table has no header, or a row has more cells than there are headers.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A service: callers take it from the container, as they take the Word writer.")]
    public byte[] Write(SpreadsheetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Headers.Count == 0)
        {
            throw new ArgumentException("A table needs at least one header.", nameof(table));
        }

        if (table.Rows.Select((row, i) => (row, i)).FirstOrDefault(r => r.row.Count > table.Headers.Count) is ({ } longRow, var index))
        {
            throw new ArgumentException($"Row {index + 1} has {longRow.Count} cells, more than the {table.Headers.Count} headers.", nameof(table));
        }

        var name = SheetName(table.SheetName);
        var (lastColumn, lastRow) = (ColumnName(table.Headers.Count - 1), (table.Rows.Count + 1).ToString(CultureInfo.InvariantCulture));
        var strings = new SharedStrings();
        var data = new SheetData(Row(1, table.Headers, CellStyles.Header, table.Headers.Count, strings));
        data.Append(table.Rows.Select((row, i) => Row((uint)i + 2, row, CellStyles.Body, table.Headers.Count, strings)));

        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(
                FrozenHeader(),
                new SheetFormatProperties { DefaultRowHeight = 15 },
                Columns(table),
                data,
                new AutoFilter { Reference = $"A1:{lastColumn}{lastRow}" },
                new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table();
            workbook.Workbook = new Workbook(
                new Sheets(new Sheet { Name = name, SheetId = 1, Id = workbook.GetIdOfPart(sheet) }),
                // Excel keeps a filter's range in this hidden name as well, and repairs a file without it.
                new DefinedNames(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${lastColumn}${lastRow}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = 0,
                    Hidden = true,
                }));
        }

        return memory.ToArray();
    }

    /// <summary>
    /// A name Excel takes for a sheet: no []:*?/\ (each becomes "_"), no control characters, no
    /// apostrophe at either end, at most 31 characters, not empty and not the reserved "History".
    /// </summary>
    internal static string SheetName(string name)
    {
        var allowed = new StringBuilder();
        foreach (var rune in (name ?? "").EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                continue;
            }

            allowed.Append("[]:*?/\\".Contains(rune.ToString(), StringComparison.Ordinal) ? "_" : rune.ToString());
        }

        var trimmed = allowed.ToString().Trim().Trim('\'');
        if (trimmed.Length > SheetNameLength)
        {
            // Not between the halves of a character outside the Basic Multilingual Plane.
            var cut = char.IsHighSurrogate(trimmed[SheetNameLength - 1]) ? SheetNameLength - 1 : SheetNameLength;
            trimmed = trimmed[..cut].TrimEnd().TrimEnd('\'');
        }

        return trimmed.Length == 0 ? "Sheet1"
            : trimmed.Equals("History", StringComparison.OrdinalIgnoreCase) ? trimmed + "_"
            : trimmed;
    }

    /// <summary>One row, a cell for every column: those the row leaves out are empty, framed like the rest.</summary>
    private static Row Row(uint number, IReadOnlyList<string> texts, uint style, int columns, SharedStrings strings)
    {
        var row = new Row { RowIndex = number };
        for (var column = 0; column < columns; column++)
        {
            var cell = new Cell { CellReference = ColumnName(column) + number.ToString(CultureInfo.InvariantCulture), StyleIndex = style };
            var text = column < texts.Count ? XmlText(texts[column] ?? "") : "";
            if (text.Length > 0)
            {
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(strings.Index(text));
            }

            row.Append(cell);
        }

        return row;
    }

    /// <summary>The header row frozen: it stays in view while the rows scroll beneath it.</summary>
    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    {
        TabSelected = true,
        WorkbookViewId = 0,
    });

    private static Columns Columns(SpreadsheetTable table) => new(Enumerable.Range(0, table.Headers.Count).Select(column =>
    {
        var widest = table.Rows.Where(row => column < row.Count).Select(row => row[column]).Append(table.Headers[column])
            .SelectMany(text => (text ?? "").Split('\n'))
            .Max(DisplayWidth);
        var number = (uint)column + 1;
        return new Column { Min = number, Max = number, Width = Math.Clamp(widest + ColumnPadding, NarrowestColumn, WidestColumn), CustomWidth = true };
    }));

    /// <summary>A line's width in digit widths: East Asian wide and full-width characters count two.</summary>
    private static int DisplayWidth(string line) => line.EnumerateRunes().Sum(rune => rune.Value switch
    {
        >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 => 2,
        _ => 1,
    });

    /// <summary>
    /// The text without the control characters XML cannot hold, which a pasted text may bring (tab
    /// and line breaks stay); a lone surrogate becomes U+FFFD.
    /// </summary>
    private static string XmlText(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.EnumerateRunes().Where(r => r.Utf16SequenceLength == 2 || XmlConvert.IsXmlChar((char)r.Value)).Select(r => r.ToString()));

    /// <summary>The letters of a 0-based column: A … Z, AA, AB ….</summary>
    private static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>
    /// The cell formats: the default, the body's (wrapped, top-aligned, framed) and the header's
    /// (the same in bold, centred). Excel requires the two fills and the Normal cell style.
    /// </summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(Font(bold: false), Font(bold: true)),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Edge(new LeftBorder()), Edge(new RightBorder()), Edge(new TopBorder()), Edge(new BottomBorder()), new DiagonalBorder())),
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            CellFormat(fontId: 0, new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }),
            CellFormat(fontId: 1, new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })),
        new DocumentFormat.OpenXml.Spreadsheet.CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(
            new FontSize { Val = 11 },
            new FontName { Val = FontName },
            new FontFamilyNumbering { Val = 2 },
            new FontCharSet { Val = ChineseCharacterSet });
        return font;
    }

    private static T Edge<T>(T border)
        where T : BorderPropertiesType
    {
        border.Style = BorderStyleValues.Thin;
        border.Append(new Color { Auto = true });
        return border;
    }

    private static CellFormat CellFormat(uint fontId, Alignment alignment) => new(alignment)
    {
        NumberFormatId = 0,
        FontId = fontId,
        FillId = 0,
        BorderId = 1,
        FormatId = 0,
        ApplyFont = true,
        ApplyBorder = true,
        ApplyAlignment = true,
    };

    private static class CellStyles
    {
        public const uint Body = 1;
        public const uint Header = 2;
    }

    /// <summary>The workbook's shared strings, each text once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

        public int Index(string text)
        {
            if (!_indexes.TryGetValue(text, out var index))
            {
                index = _indexes.Count;
                _indexes.Add(text, index);
            }

            return index;
        }

        public SharedStringTable Table() => new(_indexes.OrderBy(e => e.Value).Select(e =>
            new SharedStringItem(new Text(e.Key) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)_indexes.Count,
            UniqueCount = (uint)_indexes.Count,
        };
    }
}
