using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>Taking an answer: parsing it for its step's kind, checking it, and recording it.</summary>
internal sealed partial class DialogSession
{
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
                AnswerText(question, text.Trim(), command);
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

    private void AnswerText(QuestionInstance question, string text, Command? command)
    {
        // 采用: the starting sentence offered for an item is kept, and from then on is the cadre's.
        if (command == Command.Accept && Offer(question) is { } offered)
        {
            Record(question, new Answer { Text = offered });
            return;
        }

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
        state.Revisit.Remove(question.Key);
        outcome = DialogOutcome.Answered;
        state.RetriedKey = null;
        if (state.Reopened == question.Key)
        {
            state.Reopened = null;
        }
    }

    /// <summary>The starting sentence a step offers for its item (<c>offer: statement</c>), or null.</summary>
    private string? Offer(QuestionInstance question) =>
        question.Step.Offer is not null && question.ItemId is { } item && question.Step.ForEach is { } source
            ? bank.StepsById[source].FindOption(item)?.Statement
            : null;

    /// <summary>Any change after submission re-opens the review: the changed draft must be submitted again.</summary>
    private void Unsubmit()
    {
        state.Submitted = false;
        foreach (var review in bank.Steps.Where(s => s.Kind == StepKind.Review))
        {
            state.Answers.Remove(review.Id);
        }
    }
}
