using MeetingBot.Materials.Drafts;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;

namespace MeetingBot.Conversations;

/// <summary>
/// Turns the engine's events into the text the user reads, through templates/ and the messages of
/// dialogs/. No user-facing wording lives here.
/// </summary>
public sealed class ReplyRenderer(QuestionBank bank, TemplateCatalog templates, DraftComposer composer)
{
    /// <summary>The templates this renderer needs; their absence stops the start-up.</summary>
    public static readonly string[] RequiredTemplates = ["welcome", "help", "progress", "question", "draft", "review", "submitted"];

    /// <summary>Renders the turn. <paramref name="draft"/> is the rendered draft when the turn showed one (to keep as a version).</summary>
    public IReadOnlyList<BotReply> Render(IReadOnlyList<DialogEvent> events, DialogState state, out string? draft)
    {
        draft = null;
        var replies = new List<BotReply>();
        foreach (var dialogEvent in events)
        {
            replies.Add(dialogEvent switch
            {
                MessageEvent m => Text(RenderMessage(m.Key, m.Values)),
                AskEvent a => Ask(a.Question),
                WelcomeEvent => Text(templates.Render("welcome", new { Commands = CommandList() })),
                HelpEvent => Text(templates.Render("help", new { Commands = CommandList() })),
                ProgressEvent p => Text(templates.Render("progress", p.Progress)),
                DraftEvent => Text(draft = RenderDraft(state)) with { IsDraft = true },
                ReviewEvent r => Review(r, state, out draft),
                SubmittedEvent => Text(templates.Render("submitted", new { Draft = draft = RenderDraft(state) })) with { IsDraft = true },
                _ => throw new InvalidOperationException($"Unknown dialog event {dialogEvent.GetType().Name}."),
            });
        }

        return replies;
    }

    /// <summary>A short message of dialogs/messages.yaml with its placeholders filled (also for channel chrome such as card buttons).</summary>
    public string RenderMessage(string key, IReadOnlyDictionary<string, object?> values) => templates.RenderSnippet(bank.Message(key), values);

    private static BotReply Text(string text) => new(text, []);

    public string RenderDraft(DialogState state) => templates.Render("draft", composer.Compose(state));

    private BotReply Ask(Question question)
    {
        var prompt = templates.RenderSnippet(question.Prompt, new Dictionary<string, object?> { ["item"] = question.Instance.ItemLabel });
        var text = templates.Render("question", new
        {
            Prompt = prompt,
            question.Options,
            question.Hint,
            question.CurrentAnswer,
            question.Retry,
            question.SectionTitle,
            question.SectionNumber,
            question.SectionCount,
            CurrentAnswerLine = question.CurrentAnswer is { Length: > 0 } answer
                ? templates.RenderSnippet(bank.Message(MessageKeys.CurrentAnswer), new Dictionary<string, object?> { ["answer"] = answer })
                : null,
        });
        var form = question.Instance.Kind is StepKind.Choice or StepKind.Multi
            ? new ReplyQuestion(question.Instance.Key, prompt, question.Instance.Kind == StepKind.Multi, question.Options.Select(o => new ReplyOption(o.Number, o.Label, o.Suggested)).ToArray())
            : null;
        return new BotReply(text, Choices(question)) { Question = form };
    }

    /// <summary>Buttons: the options, then the commands that make sense for this question.</summary>
    private List<string> Choices(Question question)
    {
        var choices = question.Options.Select(o => o.Label).ToList();
        var step = question.Instance.Step;
        if (question.Instance.Kind == StepKind.Multi && question.Options.Any(o => o.Suggested))
        {
            choices.Insert(0, bank.Commands.First(Command.Accept));
        }

        if (question.Instance.Kind == StepKind.Multi && step.Min == 0)
        {
            choices.Add(bank.Commands.First(Command.None));
        }

        if (question.Instance.Skippable)
        {
            choices.Add(bank.Commands.First(Command.Skip));
        }

        return choices;
    }

    private BotReply Review(ReviewEvent review, DialogState state, out string draft)
    {
        var model = composer.Compose(state);
        draft = templates.Render("draft", model);
        var text = templates.Render("review", new { Draft = draft, model.Gaps, Prompt = templates.RenderSnippet(review.Prompt, new Dictionary<string, object?>()) });
        return new BotReply(text, [bank.Commands.First(Command.Submit)]) { IsDraft = true };
    }

    private object[] CommandList() =>
        bank.Commands.Words.OrderBy(w => w.Key).Select(w => (object)new { Command = w.Key.ToString().ToLowerInvariant(), Word = w.Value[0], Words = w.Value }).ToArray();
}
