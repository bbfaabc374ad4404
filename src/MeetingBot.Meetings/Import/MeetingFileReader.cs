using MeetingBot.Meetings.Themes;

namespace MeetingBot.Meetings.Import;

/// <summary>
/// Reads the file an administrator imports a meeting from (<c>meetings import FILE</c>): YAML, or a
/// workbook's sheets (read by the caller; see dialogs/README.md, "Meeting files"). Either way the
/// same rules apply, and every problem is reported at once, in Chinese, with its place.
/// </summary>
public sealed class MeetingFileReader(MeetingFileMessages messages, ThemeCatalog themes)
{
    private readonly MeetingFileChecks _checks = new(messages, themes);

    /// <exception cref="MeetingFileException">The file is missing, malformed, or its content breaks a rule.</exception>
    public MeetingDefinition ReadYaml(string path)
    {
        var problems = new List<string>();
        var written = MeetingYamlReader.Read(path, messages, problems);
        return Checked(written, problems);
    }

    /// <param name="fileName">The workbook's name, for the problems.</param>
    /// <param name="sheets">Its sheets as text, each row a list of cells from column A on.</param>
    /// <exception cref="MeetingFileException">A sheet or column is missing, or the content breaks a rule.</exception>
    public MeetingDefinition ReadWorkbook(string fileName, IReadOnlyList<MeetingSheet> sheets)
    {
        var problems = new List<string>();
        var written = MeetingWorkbookReader.Read(fileName, sheets, messages, problems);
        return Checked(written, problems);
    }

    private MeetingDefinition Checked(WrittenMeeting? written, List<string> problems)
    {
        var definition = written is null ? null : _checks.Check(written);
        return problems.Count > 0 || definition is null ? throw new MeetingFileException(problems) : definition;
    }
}
