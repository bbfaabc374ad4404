using System.Text;
using MeetingBot.Conversations.Files;
using MeetingBot.Conversations.Meetings;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.OpenXml;

namespace MeetingBot.Conversations;

/// <summary>
/// What a turn shows: its replies, the draft when the turn rendered one (to keep as a version), and
/// the files its replies carry (to store with the turn).
/// </summary>
public sealed record RenderedTurn(IReadOnlyList<BotReply> Replies, RenderedDraft? Draft, IReadOnlyList<NewFile> Files);

/// <summary>
/// Turns the engine's events into what the user reads, through templates/ and the messages of
/// dialogs/. No user-facing wording lives here.
/// </summary>
public sealed class ReplyRenderer(DialogEngine engine, TemplateCatalog templates, DraftRenderer drafts, DraftChecks checks, WordDocumentWriter word)
{
    /// <param name="audience">Who reads 帮助 (which commands of meetings it lists).</param>
    public RenderedTurn Render(IReadOnlyList<DialogEvent> events, DialogState state, ConversationContext context, HelpAudience? audience = null)
    {
        RenderedDraft? draft = null;
        RenderedDraft Draft() => draft ??= drafts.Render(state, context);
        var files = new List<NewFile>();
        var replies = new List<BotReply>();
        foreach (var dialogEvent in events)
        {
            replies.Add(dialogEvent switch
            {
                MessageEvent m => Text(RenderMessage(m.Key, m.Values)),
                AskEvent a => Ask(a.Question, context),
                WelcomeEvent => Text(templates.Render(ConversationTemplates.Welcome, Commands(HelpAudience.Cadre))),
                HelpEvent => Text(templates.Render(ConversationTemplates.Help, Commands(audience ?? HelpAudience.Cadre))),
                ProgressEvent p => Text(templates.Render(ConversationTemplates.Progress, p.Progress)),
                DraftEvent => Text(Draft().Text) with { IsDraft = true },
                DownloadEvent d => Download(Draft(), d.Format, files),
                ReviewEvent r => Review(r, Draft()),
                SubmitRefusedEvent s => Text(templates.Render(ConversationTemplates.SubmitRefused, new SubmitRefusedModel(s.Blocks))),
                SubmittedEvent => Submitted(Draft()),
                _ => throw new InvalidOperationException($"Unknown dialog event {dialogEvent.GetType().Name}."),
            });
        }

        return new RenderedTurn(replies, draft, files);
    }

    /// <summary>A short message of dialogs/messages.yaml with its placeholders filled (also for channel chrome such as card buttons).</summary>
    public string RenderMessage(string key, IReadOnlyDictionary<string, object?> values) => templates.RenderSnippet(engine.Catalog.Message(key), values);

    /// <summary>A reply of one short message of dialogs/messages.yaml.</summary>
    public BotReply Message(string key, params (string Key, object? Value)[] values) =>
        Text(RenderMessage(key, values.ToDictionary(v => v.Key, v => v.Value)));

    private static BotReply Text(string text) => new(text, []);

    /// <summary>The draft as a file: its chat text, or the same outline laid out in Word (one model, two renderings).</summary>
    private BotReply Download(RenderedDraft draft, DraftFormat format, List<NewFile> files)
    {
        var title = RenderMessage(MessageKeys.DraftFileName, new Dictionary<string, object?>());
        var file = format == DraftFormat.Word
            ? NewFile.Create(title + ".docx", MediaTypes.Word, word.Write(draft.Outline))
            : NewFile.Create(title + ".txt", MediaTypes.Text, Encoding.UTF8.GetBytes(draft.Text));
        var name = file.Attachment.Name;
        files.Add(file);
        return Text(RenderMessage(MessageKeys.DraftDownload, new Dictionary<string, object?> { ["name"] = name })) with { Attachments = [file.Attachment] };
    }

    /// <summary>A question; its prompt may name the item it repeats for ({{ item }}) and facts of the context ({{ context.name }}).</summary>
    private BotReply Ask(Question question, ConversationContext context)
    {
        var prompt = templates.RenderSnippet(question.Prompt, new Dictionary<string, object?> { ["item"] = question.Instance.ItemLabel, ["offer"] = question.Offer, ["context"] = context.Facts });
        var text = templates.Render(ConversationTemplates.Question, new QuestionModel(
            prompt,
            question.Options,
            question.Hint,
            question.CurrentAnswer,
            question.Retry,
            question.SectionTitle,
            question.SectionNumber,
            question.SectionCount,
            question.CurrentAnswer is { Length: > 0 } answer
                ? RenderMessage(MessageKeys.CurrentAnswer, new Dictionary<string, object?> { ["answer"] = answer })
                : null));
        var form = question.Instance.Kind is StepKind.Choice or StepKind.Multi
            ? new ReplyQuestion(question.Instance.Key, prompt, question.Instance.Kind == StepKind.Multi, question.Options.Select(o => new ReplyOption(o.Number, o.Label, o.Suggested)).ToArray())
            : null;
        return new BotReply(text, Choices(question)) { Question = form };
    }

    /// <summary>Buttons: the options, then the commands that make sense for this question.</summary>
    private List<string> Choices(Question question)
    {
        var commands = engine.Catalog.Commands;
        var choices = question.Options.Select(o => o.Label).ToList();
        var step = question.Instance.Step;
        if (question.Instance.Kind == StepKind.Multi && question.Options.Any(o => o.Suggested))
        {
            choices.Insert(0, commands.First(Command.Accept));
        }

        if (question.Instance.Kind == StepKind.Multi && step.Min == 0)
        {
            choices.Add(commands.First(Command.None));
        }

        if (question.Instance.Skippable)
        {
            choices.Add(commands.First(Command.Skip));
        }

        return choices;
    }

    /// <summary>The review: the draft in outline with its gaps and the checker's findings; the full text on 查看草稿 or as a file.</summary>
    private BotReply Review(ReviewEvent review, RenderedDraft draft)
    {
        var model = draft.Model;
        var findings = checks.Findings(draft).Select(f => new ReviewFinding(f.Text, f.Suggestion, f.Note, DraftChecks.Blocks(f))).ToArray();
        var text = templates.Render(ConversationTemplates.Review, new ReviewModel(
            templates.RenderSnippet(review.Prompt, new Dictionary<string, object?>()),
            model.Claims.Count,
            model.Aspects.Select(a => new ReviewPart(a.Title, a.IsHeading, a.Problems.Count)).ToArray(),
            model.Causes.Count,
            model.Claims.Count + model.MeasureGroups.Sum(g => g.Measures.Count),
            model.Gaps,
            findings));
        var commands = engine.Catalog.Commands;
        return new BotReply(text, [commands.First(Command.Submit), commands.First(Command.Draft), commands.First(Command.Word)]);
    }

    /// <summary>提交: the confirmation comes last and short; the text stays one command away.</summary>
    private BotReply Submitted(RenderedDraft draft) =>
        Text(templates.Render(ConversationTemplates.Submitted, draft.Model));

    /// <summary>The commands a reader may use, in the groups help.scriban lists (self-check, meeting, secretary, administrator).</summary>
    private CommandsModel Commands(HelpAudience audience)
    {
        var words = engine.Catalog.Commands.Words;
        CommandEntry[] Entries(IEnumerable<Command> commands) =>
            [.. commands.Select(c => new CommandEntry(CommandWords.NameOf(c), words[c][0], words[c]))];
        return new CommandsModel(
            Entries(CommandGroups.SelfCheck),
            Entries(CommandGroups.Member),
            audience.Secretary ? Entries(CommandGroups.Secretary) : [],
            audience.Admin ? Entries(CommandGroups.Admin) : []);
    }
}
