using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MeetingBot.Materials.OpenXml.Spreadsheets;

/// <summary>One worksheet as text: row 1 first and every row kept, each row's cells from column A on (an empty cell is "").</summary>
public sealed record SheetText(string Name, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Reads a workbook (.xlsx) as the text a person sees in it, sheet by sheet in the workbook's order:
/// shared and inline strings (without their phonetic guides), numbers as written in invariant digits,
/// booleans, formulas by their cached result, and dates (numbers in a date format, ECMA-376 Part 1,
/// 18.8.30, or ISO cells) as 2026-12-20 or 2026-12-20 09:00.
/// </summary>
public static class SpreadsheetReader
{
    /// <exception cref="InvalidDataException">The stream holds no workbook.</exception>
    public static IReadOnlyList<SheetText> Read(Stream stream)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
            var cells = new CellText(workbook);
            return workbook.Workbook.Sheets?.Elements<Sheet>()
                .Select(sheet => (Name: sheet.Name?.Value ?? "", Part: sheet.Id?.Value is { } id ? workbook.GetPartById(id) as WorksheetPart : null))
                .Where(s => s.Part is not null)
                .Select(s => new SheetText(s.Name, Rows(s.Part!, cells)))
                .ToArray() ?? [];
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException)
        {
            throw new InvalidDataException("The file is not an .xlsx workbook.", e);
        }
    }

    private static IReadOnlyList<string>[] Rows(WorksheetPart part, CellText cells)
    {
        var rows = new List<List<string>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            // Row and cell references may be left out; then each follows the one before it.
            var index = row.RowIndex?.Value is { } r ? (int)r - 1 : rows.Count;
            while (rows.Count <= index)
            {
                rows.Add([]);
            }

            var line = rows[index];
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : line.Count;
                while (line.Count <= column)
                {
                    line.Add("");
                }

                line[column] = cells.Text(cell);
            }
        }

        return [.. rows];
    }

    /// <summary>The 0-based column of a reference such as C12.</summary>
    private static int ColumnIndex(string reference) =>
        reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (index, letter) => (index * 26) + char.ToUpperInvariant(letter) - 'A' + 1) - 1;

    /// <summary>The text of cells, with the workbook's shared strings, number formats and date system.</summary>
    private sealed class CellText
    {
        private readonly string[] _shared;
        private readonly bool[] _dateStyles;
        private readonly bool _date1904;

        public CellText(WorkbookPart workbook)
        {
            _shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(Text).ToArray() ?? [];
            _dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            _date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;
        }

        public string Text(Cell cell)
        {
            var value = cell.CellValue?.Text ?? "";
            var type = cell.DataType?.Value;
            if (type == CellValues.SharedString)
            {
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _shared.Length ? _shared[index] : "";
            }

            if (type == CellValues.InlineString)
            {
                return cell.InlineString is { } inline ? Text(inline) : "";
            }

            if (type == CellValues.Boolean)
            {
                // Excel writes 1 and 0; other writers write the words.
                return value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) ? "TRUE" : "FALSE";
            }

            if (type == CellValues.Date)
            {
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? Format(date) : value;
            }

            var isNumber = type is null || type == CellValues.Number;
            if (isNumber && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return cell.StyleIndex?.Value is { } style && style < _dateStyles.Length && _dateStyles[style]
                    ? Format(DateTime.FromOADate(number + (_date1904 ? Date1904Offset : 0)))
                    : number.ToString(CultureInfo.InvariantCulture);
            }

            return value;
        }

        /// <summary>Days from the 1904 date system's day zero to the 1900 system's (ECMA-376 Part 1, 18.17.4.1).</summary>
        private const double Date1904Offset = 1462;

        private static string Format(DateTime date)
        {
            // A serial date is a fraction of a day: 09:00 may be stored as 08:59:59.9999.
            var rounded = new DateTime((long)Math.Round(date.Ticks / (double)TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond);
            var format = rounded.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : rounded.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
            return rounded.ToString(format, CultureInfo.InvariantCulture);
        }

        /// <summary>A string item's text: its own and its runs', not the phonetic guides (rPh) above it.</summary>
        private static string Text(OpenXmlElement item) =>
            string.Concat(item.ChildElements.Select(child => child switch
            {
                Text text => text.Text,
                Run run => run.Text?.Text ?? "",
                _ => "",
            }));

        /// <summary>For each cell format (a cell's style index), whether it shows a number as a date.</summary>
        private static bool[] DateStyles(Stylesheet? styles)
        {
            var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
                .Where(f => f.NumberFormatId?.Value is not null)
                .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
            return styles?.CellFormats?.Elements<CellFormat>()
                .Select(f => f.NumberFormatId?.Value is { } id && (custom.TryGetValue(id, out var code) ? IsDateCode(code) : IsBuiltInDate(id)))
                .ToArray() ?? [];
        }

        /// <summary>The built-in date and time formats (ECMA-376 Part 1, 18.8.30), with those East Asian locales add (27–36, 50–58).</summary>
        private static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

        /// <summary>A format code that shows a date or time: y, m, d, h or s outside quoted text, escapes and [colour] sections.</summary>
        private static bool IsDateCode(string code)
        {
            var outside = new List<char>();
            for (var i = 0; i < code.Length; i++)
            {
                switch (code[i])
                {
                    case '"':
                        i = code.IndexOf('"', i + 1) is var end and >= 0 ? end : code.Length;
                        break;
                    case '\\' or '_' or '*':
                        i++;
                        break;
                    case '[':
                        i = code.IndexOf(']', i + 1) is var close and >= 0 ? close : code.Length;
                        break;
                    default:
                        outside.Add(char.ToLowerInvariant(code[i]));
                        break;
                }
            }

            return outside.Any(c => c is 'y' or 'm' or 'd' or 'h' or 's');
        }
    }
}
