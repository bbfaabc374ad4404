using MeetingBot.Conversations;
using MeetingBot.Dialogs.Loading;
using MeetingBot.Meetings.Import;
using MeetingBot.Meetings.Themes;

namespace MeetingBot.TestKit;

/// <summary>The meetings' content of dialogs/ as the bot loads it: the bank's aspects, the themes, the import messages.</summary>
public static class MeetingContent
{
    public static string Themes { get; } = Path.Combine(RepositoryPaths.Dialogs, ConversationServiceCollectionExtensions.ThemesFolder);

    public static IReadOnlyList<string> Aspects { get; } =
        QuestionBankLoader.Load(RepositoryPaths.Dialogs).Default.Aspects;

    public static ThemeCatalog ThemeCatalog { get; } = ThemeCatalog.Load(Themes, Aspects);

    public static MeetingFileMessages Messages { get; } = MeetingFileMessages.Load(RepositoryPaths.Dialogs);

    public static MeetingFileReader Reader { get; } = new(Messages, ThemeCatalog);
}
