using MeetingBot.Conversations.Context;
using MeetingBot.Conversations.Files;
using MeetingBot.Conversations.Meetings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Conversations.Reminders;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Dialogs.Loading;
using MeetingBot.Drafting;
using MeetingBot.Materials.Checking;
using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.OpenXml;
using MeetingBot.Materials.Team;
using MeetingBot.Meetings.Checklists;
using MeetingBot.Meetings.Import;
using MeetingBot.Meetings.Themes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations;

/// <summary>Where the content folders are. Relative paths resolve against the application's folder.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    public string DialogsPath { get; set; } = "dialogs";

    public string TemplatesPath { get; set; } = "templates";

    /// <summary>The bank new conversations run: a file inside <see cref="DialogsPath"/> (or a path of its own).</summary>
    public string SelfCheckFile { get; set; } = QuestionBankLoader.SelfCheckFile;
}

/// <summary>
/// dialogs/ and templates/, loaded and checked: the question banks, the templates, the checker's
/// rules, the meetings' themes, the messages of a meeting file's import and the prompt card's checklists.
/// </summary>
public sealed record LoadedContent(QuestionBankCatalog Catalog, TemplateCatalog Templates, MaterialChecker Checker, ThemeCatalog Themes, MeetingFileMessages MeetingFileMessages, MeetingChecklists Checklists);

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The theme files' folder inside dialogs/.</summary>
    public const string ThemesFolder = "themes";

    /// <summary>
    /// Loads and checks dialogs/ and templates/ now, so that broken content stops the start-up with
    /// the file and line at fault, and registers the turn pipeline, the outbound path (messengers,
    /// background work, bot-initiated turns) and the files replies carry. Channels add their messengers.
    /// </summary>
    /// <param name="content">Content loaded before (tests that compose many pipelines load it once); else loaded now.</param>
    public static IServiceCollection AddMeetingBotConversations(this IServiceCollection services, IConfiguration configuration, LoadedContent? content = null)
    {
        var (catalog, templates, checker, themes, meetingFileMessages, checklists) = content
            ?? LoadContent(configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions());
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(catalog);
        services.AddSingleton(templates);
        services.AddSingleton(checker);
        services.AddSingleton(themes);
        services.AddSingleton(meetingFileMessages);
        services.AddSingleton(checklists);
        services.AddSingleton<DraftComposer>();
        services.AddSingleton<DraftRenderer>();
        services.AddSingleton<DraftChecks>();
        services.AddSingleton<TeamDraftComposer>();
        services.AddSingleton<TeamDraftRenderer>();
        services.AddSingleton<SimilarityCheck>();
        services.AddSingleton<RectificationList>();
        services.AddSingleton<ISubmissionGate>(s => s.GetRequiredService<DraftChecks>());
        services.AddSingleton<DialogEngine>();
        services.AddWordExport(configuration);
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton(s => new ConversationGate(s.GetRequiredService<IOptions<ConversationOptions>>().Value.MaxWaitingTurns));
        services.TryAddSingleton<IConversationContextSource, ChannelProfileContext>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<StoredSecrets>();
        services.AddSingleton<ConversationFiles>();
        services.AddSingleton<FileLinks>();
        services.AddSingleton<OutboundWork>();
        services.AddHostedService(s => s.GetRequiredService<OutboundWork>());
        services.AddSingleton<OutboundMessengers>();
        services.AddSingleton<PendingReplies>();
        services.AddSingleton<BotInitiatedTurns>();
        AddMeetings(services, configuration);
        return services;
    }

    /// <summary>Meetings: their store, the commands and views of meetings, the notices they send and their reminders.</summary>
    private static void AddMeetings(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeetingOptions>().Bind(configuration.GetSection(MeetingOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeetingOptions>, MeetingOptionsValidator>());
        services.AddSingleton<MeetingStore>();
        services.AddSingleton<MeetingSessions>();
        services.AddSingleton<MeetingCreation>();
        services.AddSingleton<SecretaryViews>();
        services.AddSingleton<PromptCards>();
        services.AddSingleton<MeetingCommands>();
        services.AddSingleton<MeetingNotices>();
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.AddSingleton<ReminderRounds>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(s => s.GetRequiredService<ReminderScheduler>());
    }

    public static LoadedContent LoadContent(ContentOptions options)
    {
        var dialogs = Path.Combine(AppContext.BaseDirectory, options.DialogsPath);
        var catalog = QuestionBankLoader.Load(dialogs, options.SelfCheckFile);
        var templates = TemplateCatalog.Load(Path.Combine(AppContext.BaseDirectory, options.TemplatesPath), ConversationTemplates.All);
        var checker = MaterialChecker.Load(dialogs);
        // Themes map the aspects of the bank drafts are written from; a bank without aspects (the
        // benchmark's dialog) has none to map, and no meeting can choose a theme.
        var themes = catalog.Default.Aspects.Count > 0 ? ThemeCatalog.Load(Path.Combine(dialogs, ThemesFolder), catalog.Default.Aspects) : ThemeCatalog.None;
        var meetingFileMessages = MeetingFileMessages.Load(dialogs);
        var checklists = MeetingChecklists.Load(dialogs);
        var problems = SnippetProblems(catalog).ToArray();
        return problems.Length > 0 ? throw new ContentLoadException(problems) : new LoadedContent(catalog, templates, checker, themes, meetingFileMessages, checklists);
    }

    /// <summary>Prompts and messages may hold placeholders; each must parse as a template.</summary>
    private static IEnumerable<string> SnippetProblems(QuestionBankCatalog catalog)
    {
        var steps = catalog.Banks.SelectMany(bank => bank.Steps.SelectMany(s => new[] { s.Prompt, s.RetryPrompt, s.Other?.Prompt }
            .Select(text => (Where: $"bank '{bank.Id}', line {s.Line}", Text: text))));
        var messages = catalog.Default.Messages.Select(m => (Where: $"{QuestionBankLoader.MessagesFile}: {m.Key}", Text: (string?)m.Value));
        foreach (var (where, text) in steps.Concat(messages))
        {
            if (text is null)
            {
                continue;
            }

            foreach (var problem in TemplateCatalog.CheckSnippet(text))
            {
                yield return $"{where}: {problem}";
            }
        }
    }
}
