using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>How far a material is: its progress by part, and whether it may be handed in (提交).</summary>
internal sealed partial class DialogSession
{
    /// <summary>The roles a material cannot be submitted without (docs/domain.md: problems, causes, measures).</summary>
    private static readonly string[] RequiredRoles = ["problems", "causes", "measures"];

    /// <returns>True when the turn is complete (submitted, or already submitted).</returns>
    private bool Submit(IReadOnlyList<QuestionInstance> plan, QuestionInstance? current)
    {
        if (current?.Kind != StepKind.Review)
        {
            events.Add(new MessageEvent(current is null ? MessageKeys.AlreadySubmitted : MessageKeys.SubmitNotReady));
            return current is null;
        }

        if (MissingParts(plan) is { Count: > 0 } missing)
        {
            events.Add(new MessageEvent(MessageKeys.SubmitIncomplete, Values(("parts", string.Join("、", missing)))));
            return false;
        }

        if (gate?.Check(state, context) is { Count: > 0 } blocks)
        {
            events.Add(new SubmitRefusedEvent(blocks));
            return false;
        }

        state.Answers[current.Key] = new Answer { Text = "submitted" };
        state.Submitted = true;
        outcome = DialogOutcome.Submitted;
        events.Add(new SubmittedEvent());
        return true;
    }

    /// <summary>
    /// A material needs at least one problem, one cause and one measure: the titles of the parts
    /// (sections with those roles) where the answers give none.
    /// </summary>
    private List<string> MissingParts(IReadOnlyList<QuestionInstance> plan)
    {
        var missing = new List<string>();
        foreach (var role in RequiredRoles)
        {
            var steps = bank.Steps.Where(s => s.Role == role).ToArray();
            if (steps.Length > 0 && !steps.Any(s => plan.Any(q => q.Step == s) && state.SelectedOptions(s.Id).Count > 0))
            {
                missing.Add(RoleTitle(role, steps));
            }
        }

        return missing;
    }

    // Problems sit in one section per aspect; the part to name is then the draft's own: the section of the causes or measures.
    private string RoleTitle(string role, Step[] steps) =>
        role == "problems" ? bank.Message(MessageKeys.ProblemsPart) : bank.SectionOf(steps[0]).Title;

    /// <summary>
    /// Progress by part: how many of the parts are done is known from the start, whatever the
    /// number of questions a part grows to as problems are chosen.
    /// </summary>
    private Progress Progress(IReadOnlyList<QuestionInstance> plan, QuestionInstance? current)
    {
        var sections = bank.Sections.Where(s => s.Steps.Any(st => st.Kind != StepKind.Review)).Select(section =>
        {
            var questions = plan.Where(q => q.Step.SectionId == section.Id).ToArray();
            return new SectionProgress(
                section.Title,
                questions.Count(q => state.Answers.ContainsKey(q.Key) && !state.Revisit.Contains(q.Key)),
                questions.Length,
                current?.Step.SectionId == section.Id);
        }).ToArray();
        return new Progress(sections, sections.Count(s => s.Done || (s.Total == 0 && !s.Current && AllBefore(s, sections))), sections.Length);
    }

    // A part with no questions (measures of an aspect without problems) counts as done once the parts before it are.
    private static bool AllBefore(SectionProgress section, SectionProgress[] sections) =>
        sections.TakeWhile(s => s != section).All(s => s.Done || s.Total == 0);
}
