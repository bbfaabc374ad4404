using MeetingBot.Materials.OpenXml.Spreadsheets;
using Xunit;

namespace MeetingBot.Materials.OpenXml.Tests.Spreadsheets;

/// <summary>A workbook read as the text its cells show: the strings, numbers and dates a person sees.</summary>
public sealed class SpreadsheetReaderTests
{
    [Fact]
    public void Every_kind_of_cell_reads_as_the_text_it_shows()
    {
        var workbook = new XlsxBuilder().Sheet("名单",
            ["姓名", new Inline("职务"), new Rich("wáng mǐn", "王", "敏"), 12, 1.5, 13800000000d, true],
            [new DateTime(2026, 12, 20), new DateTime(2026, 12, 20, 9, 0, 0), new Styled(new DateTime(2026, 12, 15, 18, 0, 0).ToOADate(), XlsxBuilder.ChineseDateTimeStyle),
                new Styled(1234.5, XlsxBuilder.MoneyStyle), new Styled(new DateTime(2026, 3, 1).ToOADate(), XlsxBuilder.ChineseBuiltInDateStyle)]).Build();

        var sheet = Assert.Single(Read(workbook));

        Assert.Equal("名单", sheet.Name);
        Assert.Equal(["姓名", "职务", "王敏", "12", "1.5", "13800000000", "TRUE"], sheet.Rows[0]);
        Assert.Equal(["2026-12-20", "2026-12-20 09:00", "2026-12-15 18:00", "1234.5", "2026-03-01"], sheet.Rows[1]);
    }

    [Fact]
    public void Rows_and_cells_left_out_are_empty_so_places_stay_where_the_sheet_shows_them()
    {
        var workbook = new XlsxBuilder().Sheet("Sheet1",
            ["人员名单"],
            [],
            ["姓名", null, "账号"]).Build();

        var rows = Assert.Single(Read(workbook)).Rows;

        Assert.Equal(3, rows.Count);
        Assert.Empty(rows[1]);
        Assert.Equal(["姓名", "", "账号"], rows[2]);
    }

    [Fact]
    public void Sheets_come_in_the_workbook_order()
    {
        var workbook = new XlsxBuilder().Sheet("会议信息", ["项目"]).Sheet("班子成员", ["姓名"]).Build();

        Assert.Equal(["会议信息", "班子成员"], Read(workbook).Select(s => s.Name));
    }

    [Fact]
    public void A_serial_time_just_under_the_minute_reads_as_that_minute()
    {
        var workbook = new XlsxBuilder().Sheet("s", [new DateTime(2026, 12, 20, 8, 59, 59, 999)]).Build();

        Assert.Equal("2026-12-20 09:00", Read(workbook)[0].Rows[0][0]);
    }

    [Fact]
    public void A_file_that_is_no_workbook_is_refused_as_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => SpreadsheetReader.Read(new MemoryStream("姓名,账号\n王敏,test:sec-1\n"u8.ToArray())));
    }

    private static IReadOnlyList<SheetText> Read(byte[] workbook) => SpreadsheetReader.Read(new MemoryStream(workbook));
}
