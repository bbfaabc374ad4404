using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MeetingBot.Materials.OpenXml.Tests.Spreadsheets;

/// <summary>A text written inline in its cell rather than in the shared strings.</summary>
internal sealed record Inline(string Text);

/// <summary>A shared string in runs, with a phonetic guide that is no part of its text.</summary>
internal sealed record Rich(string Phonetic, params string[] Runs);

/// <summary>A number shown in one of the builder's cell formats.</summary>
internal sealed record Styled(double Number, uint Style);

/// <summary>
/// Writes .xlsx workbooks with the SDK the way spreadsheet programs do: texts in the shared strings,
/// numbers and dates as numbers with a cell format, cells and rows left out when empty.
/// </summary>
internal sealed class XlsxBuilder
{
    public const uint DateStyle = 1;
    public const uint DateTimeStyle = 2;
    public const uint ChineseDateTimeStyle = 3;
    public const uint MoneyStyle = 4;
    public const uint ChineseBuiltInDateStyle = 5;

    private readonly List<OpenXmlElement[]> _shared = [];
    private readonly List<(string Name, SheetData Data)> _sheets = [];

    /// <summary>A sheet; a row's values are string (shared), <see cref="Inline"/>, <see cref="Rich"/>, int, double, bool, DateTime, <see cref="Styled"/>, or null for no cell.</summary>
    public XlsxBuilder Sheet(string name, params object?[][] rows)
    {
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length == 0)
            {
                continue;
            }

            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is { } value)
                {
                    var cell = Cell(value);
                    cell.CellReference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        _sheets.Add((name, data));
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(_shared.Select(s => new SharedStringItem(s)));
            for (var i = 0; i < _sheets.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(_sheets[i].Data);
                workbook.Workbook.Sheets!.Append(new Sheet { Name = _sheets[i].Name, SheetId = (uint)i + 1, Id = workbook.GetIdOfPart(part) });
            }
        }

        return stream.ToArray();
    }

    private Cell Cell(object value) => value switch
    {
        string text => Shared(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        Rich rich => Shared([.. rich.Runs.Select(r => new Run(new Text(r))), new PhoneticRun(new Text(rich.Phonetic)) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }]),
        Inline inline => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline.Text)) },
        bool flag => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(flag) },
        int number => new Cell { CellValue = new CellValue(number) },
        double number => new Cell { CellValue = new CellValue(number) },
        DateTime date => new Cell { CellValue = new CellValue(date.ToOADate()), StyleIndex = date.TimeOfDay == TimeSpan.Zero ? DateStyle : DateTimeStyle },
        Styled styled => new Cell { CellValue = new CellValue(styled.Number), StyleIndex = styled.Style },
        _ => throw new ArgumentException($"no cell for {value.GetType()}", nameof(value)),
    };

    private Cell Shared(params OpenXmlElement[] content)
    {
        _shared.Add(content);
        return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(_shared.Count - 1) };
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy\"年\"m\"月\"d\"日\" hh:mm" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "[Red]#,##0.00\"元\"" }),
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 31, ApplyNumberFormat = true }));
}
