using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// One question as asked: a step, or a step repeated for one chosen item (for_each), or the
/// follow-up asking for the cadre's own wording after "other".
/// </summary>
public sealed record QuestionInstance(Step Step, string Key, string? ItemId, string? ItemLabel, bool AsksOtherWording)
{
    public StepKind Kind => AsksOtherWording ? StepKind.Text : Step.Kind;

    public string Prompt => AsksOtherWording ? Step.Other!.Prompt : Step.Prompt;

    public bool Skippable => !AsksOtherWording && Step.Skippable;

    public static string OtherWordingKey(string stepId) => stepId + "#" + OtherOption.Id;

    public static string ItemKey(string stepId, string itemId) => stepId + "/" + itemId;

    /// <summary>Whether an answer key belongs to the given step (plain, per item, or its other wording).</summary>
    public static bool KeyBelongsTo(string key, string stepId) =>
        key == stepId || key.StartsWith(stepId + "/", StringComparison.Ordinal) || key == OtherWordingKey(stepId);
}

/// <summary>Expands the bank into the questions that apply to the answers given so far.</summary>
public static class QuestionPlan
{
    public static IReadOnlyList<QuestionInstance> Expand(QuestionBank bank, AnswerView view)
    {
        var (state, context) = view;
        var plan = new List<QuestionInstance>();
        foreach (var step in bank.Steps)
        {
            if (step.When is not null && !step.When.Holds(view))
            {
                continue;
            }

            if (step.ForEach is null)
            {
                plan.Add(new QuestionInstance(step, step.Id, null, null, false));
            }
            else
            {
                var source = bank.StepsById[step.ForEach];
                plan.AddRange(state.SelectedOptions(source.Id).Select(item =>
                    new QuestionInstance(step, QuestionInstance.ItemKey(step.Id, item), item, ItemLabel(source, item, state, context), false)));
            }

            if (step.Other is not null && state.SelectedOptions(step.Id).Contains(OtherOption.Id))
            {
                plan.Add(new QuestionInstance(step, QuestionInstance.OtherWordingKey(step.Id), null, null, true));
            }
        }

        return plan;
    }

    /// <summary>The question to ask now, or null when every question is answered.</summary>
    public static QuestionInstance? Current(IReadOnlyList<QuestionInstance> plan, DialogState state) =>
        plan.FirstOrDefault(q => q.Key == state.Reopened) ?? plan.FirstOrDefault(q => !state.Answers.ContainsKey(q.Key));

    /// <summary>The label of a chosen item; for "other", the cadre's own wording once given.</summary>
    public static string ItemLabel(Step source, string itemId, DialogState state, ConversationContext context) =>
        itemId == OtherOption.Id
            ? state.Answers.GetValueOrDefault(QuestionInstance.OtherWordingKey(source.Id))?.Text ?? source.Other!.Label
            : OptionsOf(source, context).FirstOrDefault(o => o.Id == itemId).Label ?? itemId;

    /// <summary>The options a step offers: its own, or the items of the context list it names (<c>options_from</c>).</summary>
    public static IReadOnlyList<(string Id, string Label)> OptionsOf(Step step, ConversationContext context) =>
        step.OptionsFrom is { } list
            ? context.List(list).Select(item => (item.Id, item.Label)).ToArray()
            : step.Options.Select(o => (o.Id, o.Label)).ToArray();
}
