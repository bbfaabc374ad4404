namespace MeetingBot.Meetings.Import;

/// <summary>A meeting file cannot be imported; each problem, in Chinese, names the file and the place (line, or sheet, row and column).</summary>
public sealed class MeetingFileException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
