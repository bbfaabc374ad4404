using System.Globalization;
using System.Text;
using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// Runs a conversation's dialog: takes the state, the context and what the cadre typed, updates the
/// state and returns what to show and how the turn ended. It is deterministic and does no I/O; the
/// conversation pipeline loads and saves the state around it. A state from an earlier version of
/// its bank is migrated first (<see cref="BankMigration"/>).
/// </summary>
public sealed class DialogEngine(QuestionBankCatalog catalog)
{
    /// <summary>The longest answer accepted anywhere, in characters.</summary>
    public const int MaxAnswerLength = 2000;

    public QuestionBankCatalog Catalog { get; } = catalog;

    /// <summary>The bank the conversation runs: the one it started on, or the default one for a new conversation.</summary>
    public QuestionBank BankOf(DialogState state) => state.BankId.Length == 0 ? Catalog.Default : Catalog.Get(state.BankId);

    /// <summary>The conversation was opened (or re-opened): greet, then ask where the cadre is.</summary>
    public DialogTurn Start(DialogState state, ConversationContext context) => Session(state, context).Start();

    /// <param name="questionKey">The question a clicked form belonged to, if the answer came from one.</param>
    public DialogTurn Handle(DialogState state, ConversationContext context, string text, string? questionKey = null) =>
        Session(state, context).Handle(text, questionKey);

    /// <summary>Brings the state onto the current version of its bank; true when anything changed.</summary>
    public bool Prepare(DialogState state, ConversationContext context) => BankMigration.Migrate(state, BankOf(state), context);

    private DialogSession Session(DialogState state, ConversationContext context)
    {
        Prepare(state, context);
        return new DialogSession(BankOf(state), state, context);
    }
}

/// <summary>The events of one turn and how it ended.</summary>
public sealed record DialogTurn(IReadOnlyList<DialogEvent> Events, DialogOutcome Outcome);

/// <summary>How a turn ended, for channels that show more than text (an answered card turns read-only).</summary>
public enum DialogOutcome
{
    /// <summary>A question was answered (or skipped) and the answer kept.</summary>
    Answered,

    /// <summary>The material was submitted.</summary>
    Submitted,

    /// <summary>A clicked form belonged to an earlier question; nothing was taken.</summary>
    StaleClick,

    /// <summary>Anything else: a command, a greeting, an answer that was not taken.</summary>
    Other,
}

/// <summary>One turn of the engine on one state: the logic behind <see cref="DialogEngine"/>.</summary>
internal sealed class DialogSession(QuestionBank bank, DialogState state, ConversationContext context)
{
    private readonly List<DialogEvent> events = [];
    private DialogOutcome outcome = DialogOutcome.Other;

    private AnswerView View => new(state, context);

    public DialogTurn Start()
    {
        events.Add(state.Answers.Count == 0 ? new WelcomeEvent() : new MessageEvent(MessageKeys.WelcomeBack));
        AskCurrent();
        return Done();
    }

    public DialogTurn Handle(string text, string? questionKey)
    {
        // Text made only of spaces, control or invisible characters (U+0000, U+200B, ESC) carries no
        // answer: it is an empty answer, re-asked like any other.
        if (!HasVisibleText(text))
        {
            text = "";
        }

        var plan = QuestionPlan.Expand(bank, View);
        var current = QuestionPlan.Current(plan, state);
        if (questionKey is not null && questionKey != current?.Key)
        {
            outcome = DialogOutcome.StaleClick;
            events.Add(new MessageEvent(MessageKeys.StaleCard));
            AskCurrent();
            return Done();
        }

        var limit = Math.Min(current?.Step.MaxLength ?? DialogEngine.MaxAnswerLength, DialogEngine.MaxAnswerLength);
        if (text.Length > limit)
        {
            events.Add(new MessageEvent(MessageKeys.TooLong, Values(("max", limit))));
            return Done();
        }

        var command = bank.Commands.Match(text);
        if (state.ConfirmingRestart)
        {
            HandleRestartConfirmation(command?.Command);
            return Done();
        }

        switch (command?.Command)
        {
            case Command.Help:
                events.Add(new HelpEvent());
                break;
            case Command.Progress:
                events.Add(new ProgressEvent(Progress(plan, current)));
                break;
            case Command.Draft when current?.Kind != StepKind.Review:
                events.Add(new DraftEvent());
                break;
            case Command.Draft:
                // At the review step the review itself shows the draft.
                break;
            case Command.Download:
                events.Add(new DownloadEvent());
                break;
            case Command.Resume when current is null:
                events.Add(new MessageEvent(MessageKeys.AlreadySubmitted));
                return Done();
            case Command.Resume:
                // Asking the current question again is all that resuming takes.
                break;
            case Command.Restart:
                state.ConfirmingRestart = true;
                events.Add(new MessageEvent(MessageKeys.RestartConfirm));
                return Done();
            case Command.Back:
                Back(plan, current);
                break;
            case Command.Skip when current is not null:
                Skip(current);
                break;
            case Command.Edit:
                Edit(command.Value.Argument);
                break;
            case Command.Submit:
                if (Submit(current))
                {
                    return Done();
                }

                break;
            default:
                if (current is null)
                {
                    events.Add(new MessageEvent(MessageKeys.AlreadySubmitted));
                    return Done();
                }

                Answer(current, text, command?.Command);
                break;
        }

        AskCurrent();
        return Done();
    }

    private DialogTurn Done() => new(events, outcome);

    private void HandleRestartConfirmation(Command? command)
    {
        switch (command)
        {
            case Command.Yes:
                state.ConfirmingRestart = false;
                state.Answers.Clear();
                state.Reopened = null;
                state.RetriedKey = null;
                state.Submitted = false;
                events.Add(new MessageEvent(MessageKeys.RestartDone));
                AskCurrent();
                break;
            case Command.No:
                state.ConfirmingRestart = false;
                events.Add(new MessageEvent(MessageKeys.RestartCancelled));
                AskCurrent();
                break;
            default:
                events.Add(new MessageEvent(MessageKeys.ConfirmExpected));
                break;
        }
    }

    private void Back(IReadOnlyList<QuestionInstance> plan, QuestionInstance? current)
    {
        var index = current is null ? plan.Count : plan.ToList().IndexOf(current);
        var previous = plan.Take(index).LastOrDefault(q => state.Answers.ContainsKey(q.Key));
        if (previous is null)
        {
            events.Add(new MessageEvent(MessageKeys.BackAtStart));
            return;
        }

        Unsubmit();
        state.Reopened = previous.Key;
        state.RetriedKey = null;
    }

    private void Skip(QuestionInstance current)
    {
        if (!current.Skippable)
        {
            events.Add(new MessageEvent(MessageKeys.CannotSkip));
            return;
        }

        Record(current, new Answer { Skipped = true, Gap = true });
        events.Add(new MessageEvent(MessageKeys.Skipped));
    }

    private void Edit(string name)
    {
        var section = bank.FindSection(name);
        if (section is null || section.Steps.All(s => s.Kind == StepKind.Review))
        {
            var names = string.Join("、", bank.Sections.Where(s => s.Steps.Any(st => st.Kind != StepKind.Review)).Select(s => s.Title));
            events.Add(new MessageEvent(MessageKeys.EditUnknown, Values(("name", name), ("sections", names))));
            return;
        }

        var keys = state.Answers.Keys.Where(k => section.Steps.Any(s => QuestionInstance.KeyBelongsTo(k, s.Id))).ToArray();
        foreach (var key in keys)
        {
            state.Answers.Remove(key);
        }

        Unsubmit();
        state.Reopened = null;
        state.RetriedKey = null;
        events.Add(new MessageEvent(MessageKeys.EditStarted, Values(("section", section.Title))));
    }

    /// <returns>True when the turn is complete (submitted, or already submitted).</returns>
    private bool Submit(QuestionInstance? current)
    {
        if (current?.Kind == StepKind.Review)
        {
            state.Answers[current.Key] = new Answer { Text = "submitted" };
            state.Submitted = true;
            outcome = DialogOutcome.Submitted;
            events.Add(new SubmittedEvent());
            return true;
        }

        events.Add(new MessageEvent(current is null ? MessageKeys.AlreadySubmitted : MessageKeys.SubmitNotReady));
        return current is null;
    }

    private void Answer(QuestionInstance question, string text, Command? command)
    {
        switch (question.Kind)
        {
            case StepKind.Review:
                events.Add(new MessageEvent(MessageKeys.NotUnderstood, Values(("hint", question.Prompt))));
                break;
            case StepKind.Choice or StepKind.Multi:
                AnswerChoice(question, text, command);
                break;
            case StepKind.Number:
                var number = AnswerParser.ParseNumber(text, question.Step.Unit);
                if (number is null)
                {
                    events.Add(NotUnderstood(MessageKeys.NumberHint));
                }
                else
                {
                    Record(question, new Answer { Number = number });
                }

                break;
            case StepKind.Date:
                var date = AnswerParser.ParseDate(text, context.Today);
                if (date is null)
                {
                    events.Add(NotUnderstood(MessageKeys.DateHint));
                }
                else
                {
                    Record(question, new Answer { Date = date });
                }

                break;
            default:
                AnswerText(question, text.Trim());
                break;
        }
    }

    private void AnswerChoice(QuestionInstance question, string text, Command? command)
    {
        var step = question.Step;
        var options = Options(step);
        IReadOnlyList<NumberedOption>? selected = command switch
        {
            Command.Accept when step.Kind == StepKind.Multi => options.Where(o => o.Suggested).ToArray(),
            Command.None when step.Kind == StepKind.Multi => [],
            _ => AnswerParser.ParseSelection(text, options),
        };

        if (command == Command.Accept && selected is { Count: 0 })
        {
            events.Add(new MessageEvent(MessageKeys.NoSuggestions));
        }
        else if (command == Command.None && step.Min > 0)
        {
            events.Add(new MessageEvent(MessageKeys.NoneNotAllowed));
        }
        else if (selected is null || (step.Kind == StepKind.Choice && selected.Count != 1))
        {
            events.Add(NotUnderstood(step.Kind == StepKind.Choice ? MessageKeys.ChoiceHint : MessageKeys.MultiHint));
        }
        else if (selected.Count < step.Min && command != Command.None)
        {
            events.Add(new MessageEvent(MessageKeys.TooFew, Values(("min", step.Min))));
        }
        else
        {
            Record(question, new Answer { Selected = selected.Select(o => o.Id).ToArray() });
        }
    }

    private void AnswerText(QuestionInstance question, string text)
    {
        if (text.Length == 0)
        {
            events.Add(NotUnderstood(MessageKeys.TextHint));
            return;
        }

        var validator = question.AsksOtherWording || question.Step.Validate is null ? null : bank.Validators[question.Step.Validate];
        if (validator is null || validator.Accepts(text))
        {
            Record(question, new Answer { Text = text });
        }
        else if (state.RetriedKey != question.Key)
        {
            // First miss: ask once more with the hint; the retry prompt is shown by AskCurrent.
            state.RetriedKey = question.Key;
        }
        else
        {
            Record(question, new Answer { Text = text, Gap = true });
            events.Add(new MessageEvent(MessageKeys.AcceptedGap));
        }
    }

    private void Record(QuestionInstance question, Answer answer)
    {
        state.Answers[question.Key] = answer;
        outcome = DialogOutcome.Answered;
        state.RetriedKey = null;
        if (state.Reopened == question.Key)
        {
            state.Reopened = null;
        }
    }

    /// <summary>Any change after submission re-opens the review: the changed draft must be submitted again.</summary>
    private void Unsubmit()
    {
        state.Submitted = false;
        foreach (var review in bank.Steps.Where(s => s.Kind == StepKind.Review))
        {
            state.Answers.Remove(review.Id);
        }
    }

    private void AskCurrent()
    {
        var plan = QuestionPlan.Expand(bank, View);
        var current = QuestionPlan.Current(plan, state);
        switch (current)
        {
            case null:
                return;
            case { Kind: StepKind.Review }:
                events.Add(new ReviewEvent(current.Prompt));
                return;
        }

        var section = bank.SectionOf(current.Step);
        var retry = state.RetriedKey == current.Key;
        var hint = current.Kind switch
        {
            StepKind.Choice => MessageKeys.ChoiceHint,
            StepKind.Multi => MessageKeys.MultiHint,
            StepKind.Number => MessageKeys.NumberHint,
            StepKind.Date => MessageKeys.DateHint,
            _ => MessageKeys.TextHint,
        };
        events.Add(new AskEvent(new Question(
            current,
            retry ? current.Step.RetryPrompt! : current.Prompt,
            current.AsksOtherWording ? [] : Options(current.Step),
            current.Step.Hint ?? bank.Message(hint),
            state.Answers.TryGetValue(current.Key, out var answer) ? Describe(current, answer) : null,
            retry,
            section.Title,
            bank.Sections.ToList().IndexOf(section) + 1,
            bank.Sections.Count)));
    }

    /// <summary>The options of a step in the order offered: suggested ones first, then the rest, then "other".</summary>
    private NumberedOption[] Options(Step step)
    {
        var suggested = step.SuggestFrom
            .SelectMany(from => state.SelectedOptions(from).Select(id => bank.StepsById[from].FindOption(id)))
            .OfType<ChoiceOption>()
            .SelectMany(o => o.Suggests)
            .ToHashSet(StringComparer.Ordinal);
        var offered = QuestionPlan.OptionsOf(step, context);
        var ordered = offered.Where(o => suggested.Contains(o.Id)).Concat(offered.Where(o => !suggested.Contains(o.Id)))
            .Select(o => (o.Id, o.Label, Suggested: suggested.Contains(o.Id)))
            .ToList();
        if (step.Other is not null)
        {
            ordered.Add((OtherOption.Id, step.Other.Label, false));
        }

        return ordered.Select((o, i) => new NumberedOption(i + 1, o.Id, o.Label, o.Suggested)).ToArray();
    }

    /// <summary>An existing answer as the cadre would recognise it, shown when a question is asked again.</summary>
    private string Describe(QuestionInstance question, Answer answer) => answer switch
    {
        { Skipped: true } => "",
        { Number: { } number } => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Date: { } date } => AnswerParser.FormatDate(date),
        { Text: { } text } => text,
        _ => string.Join("、", answer.Selected.Select(id => QuestionPlan.ItemLabel(question.Step, id, state, context))),
    };

    private Progress Progress(IReadOnlyList<QuestionInstance> plan, QuestionInstance? current)
    {
        var sections = bank.Sections.Select(section =>
        {
            var questions = plan.Where(q => q.Step.SectionId == section.Id).ToArray();
            return new SectionProgress(
                section.Title,
                questions.Count(q => state.Answers.ContainsKey(q.Key)),
                questions.Length,
                current?.Step.SectionId == section.Id);
        }).ToArray();
        return new Progress(sections, plan.Count(q => state.Answers.ContainsKey(q.Key)), plan.Count);
    }

    private MessageEvent NotUnderstood(string hintKey) =>
        new(MessageKeys.NotUnderstood, Values(("hint", bank.Message(hintKey))));

    private static bool HasVisibleText(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, object?> Values(params (string Key, object? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);
}
