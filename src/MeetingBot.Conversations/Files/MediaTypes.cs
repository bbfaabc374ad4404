namespace MeetingBot.Conversations.Files;

/// <summary>The media types of the files the bot sends.</summary>
public static class MediaTypes
{
    public const string Text = "text/plain; charset=utf-8";
    public const string Word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
