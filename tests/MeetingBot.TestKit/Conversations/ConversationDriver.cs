using MeetingBot.Conversations;
using MeetingBot.Conversations.Context;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.OpenXml;
using MeetingBot.Storage;
using MeetingBot.Storage.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace MeetingBot.TestKit.Conversations;

/// <summary>
/// Talks to the real turn pipeline (real content, real embedded store) the way a channel would:
/// "send this, expect that reply". Each instance is one conversation.
/// </summary>
public sealed class ConversationDriver : IDisposable
{
    private static readonly Lazy<LoadedContent> Content = new(() => ConversationServiceCollectionExtensions.LoadContent(new ContentOptions()));

    private readonly TempFolder? _ownedFolder;

    /// <param name="wrapStore">Puts a decorator around the real store, e.g. one that fails on demand.</param>
    /// <param name="catalog">Other question banks than those of dialogs/ (the fixture bank).</param>
    /// <param name="contexts">Where the context comes from; the channel profile unless given.</param>
    /// <param name="settings">Configuration, as the host would read it (Meetings:Admins…).</param>
    /// <param name="messenger">The channel that bot-initiated messages leave by; none unless given.</param>
    public ConversationDriver(
        string? databasePath = null,
        string conversationId = "conversation-1",
        string? userName = null,
        Func<IDocumentStore, IDocumentStore>? wrapStore = null,
        QuestionBankCatalog? catalog = null,
        IConversationContextSource? contexts = null,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        IOutboundMessenger? messenger = null)
    {
        if (databasePath is null)
        {
            _ownedFolder = new TempFolder();
            databasePath = _ownedFolder.File("bot.db");
        }

        ConversationId = conversationId;
        UserName = userName;
        Time = time ?? TimeProvider.System;
        Store = new EmbeddedDocumentStore(databasePath, Time);
        var services = new ServiceCollection();
        services.AddSingleton(Time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(wrapStore?.Invoke(Store) ?? Store);
        services.AddMeetingBotConversations(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build(), Content.Value);
        if (catalog is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(catalog));
        }

        if (contexts is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(contexts));
        }

        if (messenger is not null)
        {
            services.AddSingleton(messenger);
        }

        Services = services.BuildServiceProvider();
        Engine = Services.GetRequiredService<DialogEngine>();
        Renderer = Services.GetRequiredService<ReplyRenderer>();
        Composer = Services.GetRequiredService<DraftComposer>();
        Drafts = Services.GetRequiredService<DraftRenderer>();
        Contexts = Services.GetRequiredService<IConversationContextSource>();
        Pipeline = Services.GetRequiredService<TurnPipeline>();
    }

    /// <summary>The services the pipeline was composed from, as the host composes them.</summary>
    public ServiceProvider Services { get; }

    public string ConversationId { get; }

    public string? UserName { get; }

    public TimeProvider Time { get; }

    public EmbeddedDocumentStore Store { get; }

    public DialogEngine Engine { get; }

    public TurnPipeline Pipeline { get; }

    public ReplyRenderer Renderer { get; }

    public DraftComposer Composer { get; }

    public DraftRenderer Drafts { get; }

    public IConversationContextSource Contexts { get; }

    /// <summary>The replies of the latest turn.</summary>
    public IReadOnlyList<BotReply> Replies { get; private set; } = [];

    /// <summary>How the latest turn ended.</summary>
    public TurnOutcome Outcome { get; private set; }

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
        var stored = await Store.ReadAsync(ConversationKeys.State(Channel, ConversationId), CancellationToken.None);
        Assert.NotNull(stored);
        return ConversationRecord.FromJson(stored.Body);
    }

    public async Task<DialogState> StateAsync() => (await ReadRecordAsync()).Dialog;

    /// <summary>The draft as the conversation's answers and context make it now.</summary>
    public async Task<RenderedDraft> RenderDraftAsync()
    {
        var record = await ReadRecordAsync();
        return Drafts.Render(record.Dialog, await Contexts.GetAsync(record, CancellationToken.None));
    }

    public async Task<string> DraftAsync() => (await RenderDraftAsync()).Text;

    public const string Channel = "test";

    public TurnInput Input(TurnKind kind, string text, string? activityId = null) => new()
    {
        ChannelId = Channel,
        ConversationId = ConversationId,
        UserId = "user-1",
        UserName = UserName,
        ActivityId = activityId ?? Guid.NewGuid().ToString("N"),
        Kind = kind,
        Text = text,
    };

    public async Task<IReadOnlyList<BotReply>> RunAsync(TurnKind kind, string text, string? activityId = null)
    {
        var result = await Pipeline.ProcessAsync(Input(kind, text, activityId), CancellationToken.None);
        Replies = result.Replies;
        Outcome = result.Outcome;
        return Replies;
    }

    public void Dispose()
    {
        Services.Dispose();
        Store.Dispose();
        _ownedFolder?.Dispose();
    }
}
