using System.Globalization;
using System.Text;
using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>One turn of the engine on one state: the logic behind <see cref="DialogEngine"/>.</summary>
internal sealed partial class DialogSession(QuestionBank bank, DialogState state, ConversationContext context, ISubmissionGate? gate)
{
    private readonly List<DialogEvent> events = [];
    private DialogOutcome outcome = DialogOutcome.Other;

    private AnswerView View => new(state, context);

    /// <summary>A first greeting, or a short welcome back that says where the cadre is (not the whole history).</summary>
    public DialogTurn Start()
    {
        if (state.Answers.Count == 0)
        {
            events.Add(new WelcomeEvent());
        }
        else
        {
            var plan = QuestionPlan.Expand(bank, View);
            var current = QuestionPlan.Current(plan, state);
            var progress = Progress(plan, current);
            var section = current is null ? bank.Sections[^1] : bank.SectionOf(current.Step);
            events.Add(new MessageEvent(MessageKeys.WelcomeBack, Values(("section", section.Title), ("done", progress.Done), ("total", progress.Total))));
        }

        AskCurrent();
        return Done();
    }

    public void Reopen() => Unsubmit();

    public DialogTurn Ask()
    {
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
                events.Add(new DownloadEvent(DraftFormat.Text));
                break;
            case Command.Word:
                events.Add(new DownloadEvent(DraftFormat.Word));
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
            case Command.Keep when current is not null:
                Keep(current);
                break;
            case Command.Edit:
                Edit(command.Value.Argument);
                break;
            case Command.Submit:
                if (Submit(plan, current))
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
                state.Revisit.Clear();
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

    /// <summary>跳过: a question with an answer keeps it and moves on; an open one is left as a gap where that is allowed.</summary>
    private void Skip(QuestionInstance current)
    {
        if (state.Answers.ContainsKey(current.Key))
        {
            Kept(current, MessageKeys.SkipKept);
            return;
        }

        if (!current.Skippable)
        {
            events.Add(new MessageEvent(MessageKeys.CannotSkip));
            return;
        }

        Record(current, new Answer { Skipped = true, Gap = true });
        events.Add(new MessageEvent(MessageKeys.Skipped));
    }

    /// <summary>保留: the answer shown with a re-opened question stays as it is.</summary>
    private void Keep(QuestionInstance current)
    {
        if (state.Answers.ContainsKey(current.Key))
        {
            Kept(current, MessageKeys.Kept);
        }
        else
        {
            events.Add(new MessageEvent(MessageKeys.NothingToKeep));
        }
    }

    private void Kept(QuestionInstance current, string message)
    {
        state.Revisit.Remove(current.Key);
        if (state.Reopened == current.Key)
        {
            state.Reopened = null;
        }

        state.RetriedKey = null;
        events.Add(new MessageEvent(message));
    }

    /// <summary>
    /// 修改 <part>: every answered question of the part is asked again in turn, showing its answer,
    /// which stays unless the cadre replaces it (保留 keeps it); nothing is deleted.
    /// </summary>
    private void Edit(string name)
    {
        var section = bank.FindSection(name);
        if (section is null || section.Steps.All(s => s.Kind == StepKind.Review))
        {
            var names = string.Join("、", bank.Sections.Where(s => s.Steps.Any(st => st.Kind != StepKind.Review)).Select(s => s.Title));
            events.Add(new MessageEvent(MessageKeys.EditUnknown, Values(("name", name), ("sections", names))));
            return;
        }

        var revisit = QuestionPlan.Expand(bank, View)
            .Where(q => q.Step.SectionId == section.Id && state.Answers.ContainsKey(q.Key))
            .Select(q => q.Key);
        state.Revisit.Clear();
        state.Revisit.AddRange(revisit);
        Unsubmit();
        state.Reopened = null;
        state.RetriedKey = null;
        events.Add(new MessageEvent(MessageKeys.EditStarted, Values(("section", section.Title), ("count", state.Revisit.Count))));
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
        var options = current.AsksOtherWording ? [] : Options(current.Step);
        var hint = current.Kind switch
        {
            StepKind.Choice => MessageKeys.ChoiceHint,
            StepKind.Multi when options.Any(o => o.Suggested) => MessageKeys.MultiSuggestedHint,
            StepKind.Multi => MessageKeys.MultiHint,
            StepKind.Number => MessageKeys.NumberHint,
            StepKind.Date => MessageKeys.DateHint,
            _ => MessageKeys.TextHint,
        };
        events.Add(new AskEvent(new Question(
            current,
            retry ? current.Step.RetryPrompt! : current.Prompt,
            options,
            current.Step.Hint ?? bank.Message(hint),
            state.Answers.TryGetValue(current.Key, out var answer) ? Describe(current, answer) : null,
            retry,
            section.Title,
            bank.Sections.ToList().IndexOf(section) + 1,
            bank.Sections.Count)
        {
            Offer = Offer(current),
        }));
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
