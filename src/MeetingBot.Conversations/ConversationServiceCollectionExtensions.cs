using MeetingBot.Materials.Drafts;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Dialogs.Loading;
using MeetingBot.Drafting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingBot.Conversations;

/// <summary>Where the content folders are. Relative paths resolve against the application's folder.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    public string DialogsPath { get; set; } = "dialogs";

    public string TemplatesPath { get; set; } = "templates";

    /// <summary>The question bank file inside <see cref="DialogsPath"/> (or a path of its own).</summary>
    public string SelfCheckFile { get; set; } = QuestionBankLoader.SelfCheckFile;
}

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Loads and checks dialogs/ and templates/ now, so that broken content stops the start-up with
    /// the file and line at fault, and registers the turn pipeline.
    /// </summary>
    public static IServiceCollection AddMeetingBotConversations(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        var (bank, templates) = LoadContent(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(bank);
        services.AddSingleton(templates);
        services.AddSingleton<DialogEngine>();
        services.AddSingleton<DraftComposer>();
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton<TurnPipeline>();
        return services;
    }

    public static (QuestionBank Bank, TemplateCatalog Templates) LoadContent(ContentOptions options)
    {
        var dialogs = Path.Combine(AppContext.BaseDirectory, options.DialogsPath);
        var bank = QuestionBankLoader.Load(dialogs, options.SelfCheckFile);
        var templates = TemplateCatalog.Load(Path.Combine(AppContext.BaseDirectory, options.TemplatesPath), ReplyRenderer.RequiredTemplates);
        var problems = SnippetProblems(bank).ToArray();
        return problems.Length > 0 ? throw new ContentLoadException(problems) : (bank, templates);
    }

    /// <summary>Prompts and messages may hold placeholders; each must parse as a template.</summary>
    private static IEnumerable<string> SnippetProblems(QuestionBank bank)
    {
        var steps = bank.Steps.SelectMany(s => new[] { s.Prompt, s.RetryPrompt, s.Other?.Prompt }
            .Select(text => (Where: $"{QuestionBankLoader.SelfCheckFile}:{s.Line}", Text: text)));
        var messages = bank.Messages.Select(m => (Where: $"{QuestionBankLoader.MessagesFile}: {m.Key}", Text: (string?)m.Value));
        var snippets = steps.Concat(messages);
        foreach (var (where, text) in snippets)
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
