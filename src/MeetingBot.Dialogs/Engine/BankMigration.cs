using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// Carries a conversation's answers onto the current version of its bank, by step id, so that
/// editing dialogs/ never strands a conversation in progress. The rule (dialogs/README.md, "Versions"):
/// an answer is kept when its step still exists and takes the same kind of answer; chosen options
/// that the step no longer offers are dropped (an answer left with none is asked again); answers
/// for items no longer chosen, and own wordings where "other" was removed, are dropped. A submitted
/// material whose migrated answers leave a question open is open again for review.
/// </summary>
public static class BankMigration
{
    /// <returns>True when the state was assigned to the bank or changed by the migration.</returns>
    public static bool Migrate(DialogState state, QuestionBank bank, ConversationContext context)
    {
        if (state.BankId == bank.Id && state.BankVersion == bank.Version)
        {
            return false;
        }

        state.BankId = bank.Id;
        state.BankVersion = bank.Version;
        foreach (var (key, answer) in state.Answers.ToArray())
        {
            var carried = Carry(bank, key, answer);
            if (carried is null)
            {
                state.Answers.Remove(key);
            }
            else
            {
                state.Answers[key] = carried;
            }
        }

        if (state.Reopened is { } reopened && !state.Answers.ContainsKey(reopened))
        {
            state.Reopened = null;
        }

        state.RetriedKey = null;
        var open = QuestionPlan.Current(QuestionPlan.Expand(bank, new AnswerView(state, context)), state);
        if (state.Submitted && open is not null && open.Kind != StepKind.Review)
        {
            state.Submitted = false;
            state.Answers.Remove(bank.Steps[^1].Id);
        }

        return true;
    }

    private static Answer? Carry(QuestionBank bank, string key, Answer answer)
    {
        var (stepId, itemId, otherWording) = Parse(key);
        if (!bank.StepsById.TryGetValue(stepId, out var step))
        {
            return null;
        }

        if (otherWording)
        {
            return step.Other is null ? null : answer;
        }

        if (itemId is not null)
        {
            return step.ForEach is { } source && Offers(bank.StepsById[source], itemId) ? answer : null;
        }

        if (answer.Skipped)
        {
            return step.Skippable ? answer : null;
        }

        return step.Kind switch
        {
            StepKind.Choice or StepKind.Multi when answer.Selected.Count > 0 || (answer.Text is null && answer.Number is null && answer.Date is null) =>
                KeepOffered(step, answer),
            StepKind.Number when answer.Number is not null => answer,
            StepKind.Date when answer.Date is not null => answer,
            StepKind.Text or StepKind.Review when answer.Text is not null => answer,
            _ => null,
        };
    }

    private static Answer? KeepOffered(Step step, Answer answer)
    {
        if (answer.Selected.Count == 0)
        {
            // 无: a multi step answered with nothing stays answered only while 无 is allowed.
            return step.Kind == StepKind.Multi && step.Min == 0 ? answer : null;
        }

        var kept = answer.Selected.Where(id => Offers(step, id)).ToArray();
        return kept.Length == 0 || (step.Kind == StepKind.Choice && kept.Length != 1) || kept.Length < step.Min
            ? null
            : answer with { Selected = kept };
    }

    // Options drawn from the context are the context's to change, not the bank's: they are kept.
    private static bool Offers(Step step, string optionId) =>
        optionId == OtherOption.Id ? step.Other is not null : step.OptionsFrom is not null || step.FindOption(optionId) is not null;

    private static (string StepId, string? ItemId, bool OtherWording) Parse(string key)
    {
        if (key.EndsWith("#" + OtherOption.Id, StringComparison.Ordinal))
        {
            return (key[..^(OtherOption.Id.Length + 1)], null, true);
        }

        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (key, null, false) : (key[..slash], key[(slash + 1)..], false);
    }
}
