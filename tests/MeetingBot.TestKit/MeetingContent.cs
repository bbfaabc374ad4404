using MeetingBot.Conversations;
using MeetingBot.Dialogs.Loading;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Import;
using MeetingBot.Meetings.Storage;
using MeetingBot.Meetings.Themes;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>A meeting file (YAML) stored in the bot's store as <c>meetings import</c> stores it (the command itself is tested as a process).</summary>
    public static async Task<Meeting> ImportAsync(IServiceProvider services, string yaml)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("meeting.yaml"), yaml);
        return (await services.GetRequiredService<MeetingStore>().ImportAsync(Reader.ReadYaml(folder.File("meeting.yaml")), CancellationToken.None)).Meeting;
    }
}
