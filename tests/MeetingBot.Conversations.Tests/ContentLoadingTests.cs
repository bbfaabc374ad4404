using MeetingBot.Dialogs.Loading;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>The bot does not start on broken content: the meetings' files are checked with the rest of dialogs/.</summary>
public sealed class ContentLoadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public ContentLoadingTests()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_folder.Path, Path.GetRelativePath(RepositoryPaths.Dialogs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    [Fact]
    public void The_shipped_content_loads_with_its_themes_and_import_messages()
    {
        var content = ConversationServiceCollectionExtensions.LoadContent(new ContentOptions { DialogsPath = _folder.Path });

        Assert.Equal(content.Catalog.Default.Aspects, content.Themes.Aspects);
        Assert.NotNull(content.Themes.Find("annual-2026"));
    }

    [Fact]
    public void A_bank_without_aspects_loads_without_themes()
    {
        var bank = Path.Combine(RepositoryPaths.Root, "bench", "bench.yaml");

        var content = ConversationServiceCollectionExtensions.LoadContent(new ContentOptions { DialogsPath = _folder.Path, SelfCheckFile = bank });

        Assert.Empty(content.Catalog.Default.Aspects);
        Assert.Empty(content.Themes.All);
    }

    [Fact]
    public void A_broken_theme_file_stops_the_start_with_its_file_and_line()
    {
        var line = _folder.Replace(Path.Combine(ConversationServiceCollectionExtensions.ThemesFolder, "annual-2026.yaml"), "kind: annual", "kind: yearly");

        var error = Assert.Throws<ContentLoadException>(() => ConversationServiceCollectionExtensions.LoadContent(new ContentOptions { DialogsPath = _folder.Path }));

        Assert.Contains(error.Problems, p => p.StartsWith($"annual-2026.yaml:{line}: unknown kind 'yearly'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_import_message_stops_the_start()
    {
        _folder.Replace("meeting-files.yaml", "no_findings:", "no_finding:");

        var error = Assert.Throws<ContentLoadException>(() => ConversationServiceCollectionExtensions.LoadContent(new ContentOptions { DialogsPath = _folder.Path }));

        Assert.Contains(error.Problems, p => p.StartsWith("meeting-files.yaml:", StringComparison.Ordinal) && p.EndsWith("message 'no_findings' is missing", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
