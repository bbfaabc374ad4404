namespace MeetingBot.Dialogs.Loading;

/// <summary>A content file is broken. Each problem names the file, the line and what is wrong.</summary>
public sealed class ContentLoadException(IReadOnlyList<string> problems)
    : Exception("The content files have problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
