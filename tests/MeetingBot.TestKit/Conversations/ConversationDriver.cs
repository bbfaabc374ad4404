using MeetingBot.Materials.Drafts;
using MeetingBot.Conversations;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Storage;
using MeetingBot.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace MeetingBot.TestKit.Conversations;

/// <summary>
/// Talks to the real turn pipeline (real content, real embedded store) the way a channel would:
/// "send this, expect that reply". Each instance is one conversation.
/// </summary>
public sealed class ConversationDriver : IDisposable
{
    private static readonly Lazy<(Dialogs.Bank.QuestionBank Bank, Drafting.TemplateCatalog Templates)> Content =
        new(() => ConversationServiceCollectionExtensions.LoadContent(new ContentOptions()));

    private readonly TempFolder? _ownedFolder;

    /// <param name="wrapStore">Puts a decorator around the real store, e.g. one that fails on demand.</param>
    public ConversationDriver(string? databasePath = null, string conversationId = "conversation-1", string? userName = null, Func<IDocumentStore, IDocumentStore>? wrapStore = null)
    {
        if (databasePath is null)
        {
            _ownedFolder = new TempFolder();
            databasePath = _ownedFolder.File("bot.db");
        }

        ConversationId = conversationId;
        UserName = userName;
        Store = new EmbeddedDocumentStore(databasePath, TimeProvider.System);
        var (bank, templates) = Content.Value;
        Composer = new DraftComposer(bank);
        Renderer = new ReplyRenderer(bank, templates, Composer);
        Pipeline = new TurnPipeline(new DialogEngine(bank), Renderer, wrapStore?.Invoke(Store) ?? Store, TimeProvider.System, NullLogger<TurnPipeline>.Instance);
    }

    public string ConversationId { get; }

    public string? UserName { get; }

    public EmbeddedDocumentStore Store { get; }

    public TurnPipeline Pipeline { get; }

    public ReplyRenderer Renderer { get; }

    public DraftComposer Composer { get; }

    /// <summary>The replies of the latest turn.</summary>
    public IReadOnlyList<BotReply> Replies { get; private set; } = [];

    /// <summary>The last reply of the latest turn (usually the question now asked).</summary>
    public BotReply Last => Replies[^1];

    public Task<IReadOnlyList<BotReply>> StartAsync() => RunAsync(TurnKind.ConversationStarted, "");

    public Task<IReadOnlyList<BotReply>> SendAsync(string text) => RunAsync(TurnKind.Message, text);

    /// <summary>Sends each text in turn and returns the replies to the last one.</summary>
    public async Task<IReadOnlyList<BotReply>> SendAllAsync(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            await SendAsync(text);
        }

        return Replies;
    }

    /// <summary>Sends a text and checks that a reply of that turn contains <paramref name="expected"/>.</summary>
    public async Task ExpectAsync(string text, string expected)
    {
        await SendAsync(text);
        Assert.True(Replies.Any(r => r.Text.Contains(expected, StringComparison.Ordinal)), $"After “{text}” expected a reply containing “{expected}”, got:\n{AllText}");
    }

    public string AllText => string.Join("\n---\n", Replies.Select(r => r.Text));

    public async Task<ConversationRecord> ReadRecordAsync()
    {
        var stored = await Store.ReadAsync(ConversationKeys.State("test", ConversationId), CancellationToken.None);
        Assert.NotNull(stored);
        return ConversationRecord.FromJson(stored.Body);
    }

    public async Task<DialogState> StateAsync() => (await ReadRecordAsync()).Dialog;

    public async Task<string> DraftAsync() => Renderer.RenderDraft(await StateAsync());

    public async Task<IReadOnlyList<BotReply>> RunAsync(TurnKind kind, string text, string? activityId = null)
    {
        var result = await Pipeline.ProcessAsync(
            new TurnInput
            {
                ChannelId = "test",
                ConversationId = ConversationId,
                UserId = "user-1",
                UserName = UserName,
                ActivityId = activityId ?? Guid.NewGuid().ToString("N"),
                Kind = kind,
                Text = text,
            },
            CancellationToken.None);
        Replies = result.Replies;
        return Replies;
    }

    public void Dispose()
    {
        Store.Dispose();
        _ownedFolder?.Dispose();
    }
}
