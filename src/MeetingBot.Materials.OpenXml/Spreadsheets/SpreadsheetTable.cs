namespace MeetingBot.Materials.OpenXml.Spreadsheets;

/// <summary>
/// A table to hand out as a workbook: the sheet's name, the column headers, and the rows below them,
/// each row's cells from the first column on. A row may be shorter than the headers (its last cells
/// are empty), never longer. All of it is text, shown as given.
/// </summary>
public sealed record SpreadsheetTable(string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
