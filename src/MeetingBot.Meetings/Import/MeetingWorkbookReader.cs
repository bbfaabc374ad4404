using System.Globalization;

namespace MeetingBot.Meetings.Import;

/// <summary>One sheet of a workbook as text: each row a list of cells from column A on, row 1 first.</summary>
public sealed record MeetingSheet(string Name, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Reads a meeting from a workbook (dialogs/README.md, "Meeting files"): a roster sheet with the
/// columns a secretary already keeps, found by their header in any order, and a sheet of the
/// meeting's facts as 项目 and 内容. The words are the format's, fixed like the YAML keys.
/// </summary>
internal static class MeetingWorkbookReader
{
    private const string NameHeader = "姓名";
    private const string PostHeader = "职务";
    private const string AreasHeader = "分管工作";
    private const string AccountsHeader = "账号";
    private const string RoleHeader = "角色";
    private const string SecretaryRole = "秘书";
    private const string MemberRole = "成员";
    private const string ItemHeader = "项目";
    private const string ContentHeader = "内容";

    /// <summary>A sheet may carry a title above its header row, as printed rosters do.</summary>
    private const int HeaderSearchRows = 5;

    private static readonly string[] RosterHeaders = [NameHeader, PostHeader, AreasHeader, AccountsHeader, RoleHeader];

    private static readonly (string Item, bool Required, Action<WrittenMeeting, Written> Set)[] Items =
    [
        ("类别", true, (m, w) => m.Kind = w),
        ("名称", true, (m, w) => m.Title = w),
        ("单位", true, (m, w) => m.Unit = w),
        ("时间", false, (m, w) => m.Date = w),
        ("地点", false, (m, w) => m.Place = w),
        ("截止时间", false, (m, w) => m.Deadline = w),
        ("反馈问题", false, (m, w) => m.Findings = w),
        ("对照主题", false, (m, w) => m.Theme = w),
        ("对照标题", false, (m, w) => m.Headings = w),
        ("时区", false, (m, w) => m.TimeZone = w),
        ("邀请码", false, (m, w) => m.InvitationCode = w),
    ];

    public static WrittenMeeting Read(string fileName, IReadOnlyList<MeetingSheet> sheets, MeetingFileMessages messages, List<string> problems)
    {
        var places = new Places(fileName, messages, problems);
        var facts = FindSheet(sheets, null, ItemHeader, ContentHeader);
        var roster = FindSheet(sheets, facts?.Sheet, NameHeader);
        var written = new WrittenMeeting(roster is null ? places.File : places.Sheet(roster.Value.Sheet));
        if (facts is { } f)
        {
            ReadFacts(f.Sheet, f.Header, written, places);
        }
        else
        {
            places.File(messages.Text(MeetingFileMessages.NoFactsSheet));
        }

        if (roster is { } r)
        {
            ReadRoster(r.Sheet, r.Header, written, places);
        }
        else
        {
            written.RosterMissing = true;
            places.File(messages.Text(MeetingFileMessages.NoRosterSheet, ("columns", Quoted(NameHeader, AccountsHeader))));
        }

        return written;
    }

    private static void ReadFacts(MeetingSheet sheet, int header, WrittenMeeting written, Places places)
    {
        var columns = Columns(sheet, header, [ItemHeader, ContentHeader], places);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var row = header + 1; row < sheet.Rows.Count; row++)
        {
            var item = Cell(sheet, row, columns[ItemHeader]);
            var content = Cell(sheet, row, columns[ContentHeader]);
            var name = string.Concat(item.Where(c => !char.IsWhiteSpace(c))).TrimEnd('：', ':');
            var at = places.Cell(sheet, row, columns[ItemHeader]);
            if (name.Length == 0 && content.Trim().Length == 0)
            {
                continue;
            }

            var known = Items.FirstOrDefault(i => i.Item == name);
            if (known.Item is null)
            {
                at(places.Messages.Text(MeetingFileMessages.UnknownItem, ("text", item.Trim()), ("allowed", string.Join("、", Items.Select(i => i.Item)))));
            }
            else if (!seen.Add(name))
            {
                at(places.Messages.Text(MeetingFileMessages.ItemTwice, ("text", name)));
            }
            else if (content.Trim().Length > 0)
            {
                known.Set(written, new Written(content, places.Cell(sheet, row, columns[ContentHeader])));
            }
        }

        foreach (var missing in Items.Where(i => i.Required && !seen.Contains(i.Item)))
        {
            places.Sheet(sheet)(places.Messages.Text(MeetingFileMessages.MissingItem, ("item", missing.Item)));
        }
    }

    private static void ReadRoster(MeetingSheet sheet, int header, WrittenMeeting written, Places places)
    {
        var columns = Columns(sheet, header, RosterHeaders, places);
        if (!columns.ContainsKey(AccountsHeader))
        {
            places.Sheet(sheet)(places.Messages.Text(MeetingFileMessages.MissingColumn, ("header", AccountsHeader)));
        }

        string Value(int row, string column) => columns.TryGetValue(column, out var index) ? Cell(sheet, row, index) : "";
        Written? Optional(int row, string column) =>
            Value(row, column).Trim().Length > 0 ? new Written(Value(row, column), places.Cell(sheet, row, columns[column])) : null;

        for (var row = header + 1; row < sheet.Rows.Count; row++)
        {
            if (RosterHeaders.All(h => Value(row, h).Trim().Length == 0))
            {
                continue;
            }

            var name = Optional(row, NameHeader);
            if (name is null)
            {
                places.Cell(sheet, row, columns[NameHeader])(places.Messages.Text(MeetingFileMessages.EmptyCell, ("header", NameHeader)));
                continue;
            }

            var accounts = Optional(row, AccountsHeader);
            written.People.Add(new WrittenPerson(name, Role(Optional(row, RoleHeader), places))
            {
                Post = Optional(row, PostHeader),
                Areas = Optional(row, AreasHeader),
                Accounts = accounts is null ? [] : AccountList.Split(accounts.Text).Select(a => accounts with { Text = a }).ToArray(),
            });
        }
    }

    private static MeetingRole Role(Written? written, Places places)
    {
        switch (written?.Text.Trim())
        {
            case null or MemberRole:
                return MeetingRole.Member;
            case SecretaryRole:
                return MeetingRole.Secretary;
            case var other:
                written.Report(places.Messages.Text(MeetingFileMessages.UnknownRole, ("text", other), ("allowed", Quoted(SecretaryRole, MemberRole))));
                return MeetingRole.Member;
        }
    }

    /// <summary>The first sheet (other than <paramref name="except"/>) with a row among its first that holds all the headers.</summary>
    private static (MeetingSheet Sheet, int Header)? FindSheet(IReadOnlyList<MeetingSheet> sheets, MeetingSheet? except, params string[] headers)
    {
        foreach (var sheet in sheets.Where(s => !ReferenceEquals(s, except)))
        {
            for (var row = 0; row < Math.Min(HeaderSearchRows, sheet.Rows.Count); row++)
            {
                if (headers.All(h => sheet.Rows[row].Select(Header).Contains(h)))
                {
                    return (sheet, row);
                }
            }
        }

        return null;
    }

    /// <summary>The index of each known header of the header row; a header given twice is reported.</summary>
    private static Dictionary<string, int> Columns(MeetingSheet sheet, int header, string[] known, Places places)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = sheet.Rows[header];
        for (var i = 0; i < cells.Count; i++)
        {
            var name = Header(cells[i]);
            if (known.Contains(name) && !columns.TryAdd(name, i))
            {
                places.Cell(sheet, header, i)(places.Messages.Text(MeetingFileMessages.ColumnTwice, ("header", name)));
            }
        }

        return columns;
    }

    private static string Header(string cell) => string.Concat(cell.Where(c => !char.IsWhiteSpace(c)));

    private static string Cell(MeetingSheet sheet, int row, int column) => sheet.Rows[row] is var cells && column < cells.Count ? cells[column] : "";

    private static string Quoted(params string[] words) => string.Concat(words.Select(w => "“" + w + "”"));

    /// <summary>Where a problem is: the file, a sheet, or a cell (its row counted from 1, its column as a letter).</summary>
    private sealed class Places(string fileName, MeetingFileMessages messages, List<string> problems)
    {
        public MeetingFileMessages Messages => messages;

        public void File(string problem) => problems.Add(messages.Text(MeetingFileMessages.AtFile, ("file", fileName), ("problem", problem)));

        public Action<string> Sheet(MeetingSheet sheet) =>
            problem => problems.Add(messages.Text(MeetingFileMessages.AtSheet, ("file", fileName), ("sheet", sheet.Name), ("problem", problem)));

        public Action<string> Cell(MeetingSheet sheet, int row, int column) =>
            problem => problems.Add(messages.Text(MeetingFileMessages.AtCell, ("file", fileName), ("sheet", sheet.Name),
                ("row", (row + 1).ToString(CultureInfo.InvariantCulture)), ("column", ColumnName(column)), ("problem", problem)));

        private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));
    }
}
