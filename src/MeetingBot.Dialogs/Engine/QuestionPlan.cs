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
        var steps = bank.Steps.Where(step => step.When is null || step.When.Holds(view)).ToArray();
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            if (step.ForEach is null)
            {
                plan.Add(new QuestionInstance(step, step.Id, null, null, false));
            }
            else
            {
                // Steps that repeat for the same items one after another are asked item by item:
                // everything about one problem (its statement, how it shows, its example), then the next.
                var run = steps.Skip(i).TakeWhile(s => s.ForEach == step.ForEach).ToArray();
                var source = bank.StepsById[step.ForEach];
                foreach (var item in state.SelectedOptions(source.Id))
                {
                    // The cadre's own wording of an item is already theirs: nothing to offer it for.
                    plan.AddRange(run.Where(s => s.Offer is null || item != OtherOption.Id).Select(s =>
                        new QuestionInstance(s, QuestionInstance.ItemKey(s.Id, item), item, ItemLabel(source, item, state, context), false)));
                }

                i += run.Length - 1;
                step = run[^1];
            }

            if (step.Other is not null && state.SelectedOptions(step.Id).Contains(OtherOption.Id))
            {
                plan.Add(new QuestionInstance(step, QuestionInstance.OtherWordingKey(step.Id), null, null, true));
            }
        }

        return plan;
    }

    /// <summary>The question to ask now (a re-opened one, else the first open or being gone through again), or null when every question is answered.</summary>
    public static QuestionInstance? Current(IReadOnlyList<QuestionInstance> plan, DialogState state) =>
        plan.FirstOrDefault(q => q.Key == state.Reopened)
        ?? plan.FirstOrDefault(q => !state.Answers.ContainsKey(q.Key) || state.Revisit.Contains(q.Key));

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
