using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// Runs the self-check: takes the state and what the cadre typed, updates the state and returns
/// what to show. It is deterministic and does no I/O; the conversation pipeline loads and saves
/// the state around it.
/// </summary>
public sealed class DialogEngine(QuestionBank bank)
{
    /// <summary>The longest answer accepted anywhere, in characters.</summary>
    public const int MaxAnswerLength = 2000;

    public QuestionBank Bank { get; } = bank;

    /// <summary>The conversation was opened (or re-opened): greet, then ask where the cadre is.</summary>
    public IReadOnlyList<DialogEvent> Start(DialogState state)
    {
        var events = new List<DialogEvent>();
        if (state.Answers.Count == 0)
        {
            events.Add(new WelcomeEvent());
        }
        else
        {
            events.Add(new MessageEvent(MessageKeys.WelcomeBack));
        }

        AskCurrent(state, events);
        return events;
    }

    /// <param name="questionKey">The question a clicked form belonged to, if the answer came from one.</param>
    public IReadOnlyList<DialogEvent> Handle(DialogState state, string text, string? questionKey = null)
    {
        var events = new List<DialogEvent>();
        var plan = QuestionPlan.Expand(Bank, state);
        var current = QuestionPlan.Current(plan, state);
        if (questionKey is not null && questionKey != current?.Key)
        {
            events.Add(new MessageEvent(MessageKeys.StaleCard));
            AskCurrent(state, events);
            return events;
        }

        var limit = Math.Min(current?.Step.MaxLength ?? MaxAnswerLength, MaxAnswerLength);
        if (text.Length > limit)
        {
            events.Add(new MessageEvent(MessageKeys.TooLong, Values(("max", limit))));
            return events;
        }

        var command = Bank.Commands.Match(text);
        if (state.ConfirmingRestart)
        {
            HandleRestartConfirmation(state, command?.Command, events);
            return events;
        }

        switch (command?.Command)
        {
            case Command.Help:
                events.Add(new HelpEvent());
                break;
            case Command.Progress:
                events.Add(new ProgressEvent(Progress(plan, state, current)));
                break;
            case Command.Draft when current?.Kind != StepKind.Review:
                events.Add(new DraftEvent());
                break;
            case Command.Draft:
                // At the review step the review itself shows the draft.
                break;
            case Command.Resume when current is null:
                events.Add(new MessageEvent(MessageKeys.AlreadySubmitted));
                return events;
            case Command.Resume:
                // Asking the current question again is all that resuming takes.
                break;
            case Command.Restart:
                state.ConfirmingRestart = true;
                events.Add(new MessageEvent(MessageKeys.RestartConfirm));
                return events;
            case Command.Back:
                Back(state, plan, current, events);
                break;
            case Command.Skip when current is not null:
                Skip(state, current, events);
                break;
            case Command.Edit:
                Edit(state, command.Value.Argument, events);
                break;
            case Command.Submit:
                if (Submit(state, current, events))
                {
                    return events;
                }

                break;
            default:
                if (current is null)
                {
                    events.Add(new MessageEvent(MessageKeys.AlreadySubmitted));
                    return events;
                }

                Answer(state, current, text, command?.Command, events);
                break;
        }

        AskCurrent(state, events);
        return events;
    }

    private void HandleRestartConfirmation(DialogState state, Command? command, List<DialogEvent> events)
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
                AskCurrent(state, events);
                break;
            case Command.No:
                state.ConfirmingRestart = false;
                events.Add(new MessageEvent(MessageKeys.RestartCancelled));
                AskCurrent(state, events);
                break;
            default:
                events.Add(new MessageEvent(MessageKeys.ConfirmExpected));
                break;
        }
    }

    private void Back(DialogState state, IReadOnlyList<QuestionInstance> plan, QuestionInstance? current, List<DialogEvent> events)
    {
        var index = current is null ? plan.Count : plan.ToList().IndexOf(current);
        var previous = plan.Take(index).LastOrDefault(q => state.Answers.ContainsKey(q.Key));
        if (previous is null)
        {
            events.Add(new MessageEvent(MessageKeys.BackAtStart));
            return;
        }

        Unsubmit(state);
        state.Reopened = previous.Key;
        state.RetriedKey = null;
    }

    private static void Skip(DialogState state, QuestionInstance current, List<DialogEvent> events)
    {
        if (!current.Skippable)
        {
            events.Add(new MessageEvent(MessageKeys.CannotSkip));
            return;
        }

        Record(state, current, new Answer { Skipped = true, Gap = true });
        events.Add(new MessageEvent(MessageKeys.Skipped));
    }

    private void Edit(DialogState state, string name, List<DialogEvent> events)
    {
        var section = Bank.FindSection(name);
        if (section is null || section.Steps.All(s => s.Kind == StepKind.Review))
        {
            var names = string.Join("、", Bank.Sections.Where(s => s.Steps.Any(st => st.Kind != StepKind.Review)).Select(s => s.Title));
            events.Add(new MessageEvent(MessageKeys.EditUnknown, Values(("name", name), ("sections", names))));
            return;
        }

        var keys = state.Answers.Keys.Where(k => section.Steps.Any(s => QuestionInstance.KeyBelongsTo(k, s.Id))).ToArray();
        foreach (var key in keys)
        {
            state.Answers.Remove(key);
        }

        Unsubmit(state);
        state.Reopened = null;
        state.RetriedKey = null;
        events.Add(new MessageEvent(MessageKeys.EditStarted, Values(("section", section.Title))));
    }

    /// <returns>True when the turn is complete (submitted, or already submitted).</returns>
    private static bool Submit(DialogState state, QuestionInstance? current, List<DialogEvent> events)
    {
        if (current?.Kind == StepKind.Review)
        {
            state.Answers[current.Key] = new Answer { Text = "submitted" };
            state.Submitted = true;
            events.Add(new SubmittedEvent());
            return true;
        }

        events.Add(new MessageEvent(current is null ? MessageKeys.AlreadySubmitted : MessageKeys.SubmitNotReady));
        return current is null;
    }

    private void Answer(DialogState state, QuestionInstance question, string text, Command? command, List<DialogEvent> events)
    {
        switch (question.Kind)
        {
            case StepKind.Review:
                events.Add(new MessageEvent(MessageKeys.NotUnderstood, Values(("hint", question.Prompt))));
                break;
            case StepKind.Choice or StepKind.Multi:
                AnswerChoice(state, question, text, command, events);
                break;
            case StepKind.Number:
                var number = AnswerParser.ParseNumber(text, question.Step.Unit);
                if (number is null)
                {
                    events.Add(NotUnderstood(MessageKeys.NumberHint));
                }
                else
                {
                    Record(state, question, new Answer { Number = number });
                }

                break;
            default:
                AnswerText(state, question, text.Trim(), events);
                break;
        }
    }

    private void AnswerChoice(DialogState state, QuestionInstance question, string text, Command? command, List<DialogEvent> events)
    {
        var step = question.Step;
        var options = Options(step, state);
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
            Record(state, question, new Answer { Selected = selected.Select(o => o.Id).ToArray() });
        }
    }

    private void AnswerText(DialogState state, QuestionInstance question, string text, List<DialogEvent> events)
    {
        if (text.Length == 0)
        {
            events.Add(NotUnderstood(MessageKeys.TextHint));
            return;
        }

        var validator = question.AsksOtherWording || question.Step.Validate is null ? null : Bank.Validators[question.Step.Validate];
        if (validator is null || validator.Accepts(text))
        {
            Record(state, question, new Answer { Text = text });
        }
        else if (state.RetriedKey != question.Key)
        {
            // First miss: ask once more with the hint; the retry prompt is shown by AskCurrent.
            state.RetriedKey = question.Key;
        }
        else
        {
            Record(state, question, new Answer { Text = text, Gap = true });
            events.Add(new MessageEvent(MessageKeys.AcceptedGap));
        }
    }

    private static void Record(DialogState state, QuestionInstance question, Answer answer)
    {
        state.Answers[question.Key] = answer;
        state.RetriedKey = null;
        if (state.Reopened == question.Key)
        {
            state.Reopened = null;
        }
    }

    /// <summary>Any change after submission re-opens the review: the changed draft must be submitted again.</summary>
    private void Unsubmit(DialogState state)
    {
        state.Submitted = false;
        foreach (var review in Bank.Steps.Where(s => s.Kind == StepKind.Review))
        {
            state.Answers.Remove(review.Id);
        }
    }

    private void AskCurrent(DialogState state, List<DialogEvent> events)
    {
        var plan = QuestionPlan.Expand(Bank, state);
        var current = QuestionPlan.Current(plan, state);
        switch (current)
        {
            case null:
                return;
            case { Kind: StepKind.Review }:
                events.Add(new ReviewEvent(current.Prompt));
                return;
        }

        var section = Bank.SectionOf(current.Step);
        var retry = state.RetriedKey == current.Key;
        var hint = current.Kind switch
        {
            StepKind.Choice => MessageKeys.ChoiceHint,
            StepKind.Multi => MessageKeys.MultiHint,
            StepKind.Number => MessageKeys.NumberHint,
            _ => MessageKeys.TextHint,
        };
        events.Add(new AskEvent(new Question(
            current,
            retry ? current.Step.RetryPrompt! : current.Prompt,
            current.AsksOtherWording ? [] : Options(current.Step, state),
            current.Step.Hint ?? Bank.Message(hint),
            state.Answers.TryGetValue(current.Key, out var answer) ? Describe(current, answer, state) : null,
            retry,
            section.Title,
            Bank.Sections.ToList().IndexOf(section) + 1,
            Bank.Sections.Count)));
    }

    /// <summary>The options of a step in the order offered: suggested ones first, then the rest, then "other".</summary>
    private NumberedOption[] Options(Step step, DialogState state)
    {
        var suggested = step.SuggestFrom
            .SelectMany(from => state.SelectedOptions(from).Select(id => Bank.StepsById[from].FindOption(id)))
            .OfType<ChoiceOption>()
            .SelectMany(o => o.Suggests)
            .ToHashSet(StringComparer.Ordinal);
        var ordered = step.Options.Where(o => suggested.Contains(o.Id)).Concat(step.Options.Where(o => !suggested.Contains(o.Id)))
            .Select(o => (o.Id, o.Label, Suggested: suggested.Contains(o.Id)))
            .ToList();
        if (step.Other is not null)
        {
            ordered.Add((OtherOption.Id, step.Other.Label, false));
        }

        return ordered.Select((o, i) => new NumberedOption(i + 1, o.Id, o.Label, o.Suggested)).ToArray();
    }

    /// <summary>An existing answer as the cadre would recognise it, shown when a question is asked again.</summary>
    private static string Describe(QuestionInstance question, Answer answer, DialogState state) => answer switch
    {
        { Skipped: true } => "",
        { Number: { } number } => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Text: { } text } => text,
        _ => string.Join("、", answer.Selected.Select(id => QuestionPlan.ItemLabel(question.Step, id, state))),
    };

    private Progress Progress(IReadOnlyList<QuestionInstance> plan, DialogState state, QuestionInstance? current)
    {
        var sections = Bank.Sections.Select(section =>
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
        new(MessageKeys.NotUnderstood, Values(("hint", Bank.Message(hintKey))));

    private static Dictionary<string, object?> Values(params (string Key, object? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);
}
