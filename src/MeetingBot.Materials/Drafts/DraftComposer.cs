using System.Globalization;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;

namespace MeetingBot.Materials.Drafts;

/// <summary>
/// Turns a cadre's answers into the <see cref="DraftModel"/> of their 对照检查材料. It reads steps
/// by role (see dialogs/README.md), so questions can be reworded without touching code, and it
/// never adds a fact: what is not answered becomes a gap.
/// </summary>
public sealed class DraftComposer(DialogEngine engine)
{
    /// <summary>Roles whose fact the context may supply when the cadre was not asked (a name the channel told, a roster's post).</summary>
    private static readonly string[] ContextRoles = ["name", "unit", "post", "areas"];

    public DraftModel Compose(DialogState state, ConversationContext context)
    {
        var bank = engine.BankOf(state);
        var gaps = new List<DraftGap>();
        var plan = QuestionPlan.Expand(bank, new AnswerView(state, context));

        DraftField Field(string role)
        {
            var step = bank.StepWithRole(role);
            var answer = step is null ? null : state.Answers.GetValueOrDefault(step.Id);
            var value = answer switch
            {
                null or { Gap: true } => null,
                { Number: { } n } => n.ToString(CultureInfo.InvariantCulture),
                { Date: { } d } => AnswerParser.FormatDate(d),
                { Text: { } t } => DraftText.Clean(t),
                _ => answer.Selected.Count > 0 ? QuestionPlan.ItemLabel(step!, answer.Selected[0], state, context) : null,
            };
            if (value is null && ContextRoles.Contains(role) && context.Fact(role) is { } fact)
            {
                value = DraftText.Clean(fact);
            }

            var field = new DraftField(value, step?.Gap ?? (step is null ? role : bank.SectionOf(step).Title));
            if (field.Missing && step is not null)
            {
                gaps.Add(new DraftGap(bank.SectionOf(step).Title, null, field.Gap));
            }

            return field;
        }

        var meetingKindStep = bank.StepWithRole("meeting_kind");
        var meetingTitle = Field("meeting_kind");
        var findingsAsked = bank.StepWithRole("findings") is { } findings && plan.Any(q => q.Step == findings);
        return new DraftModel
        {
            MeetingKind = meetingKindStep is null ? "" : state.SelectedOptions(meetingKindStep.Id) is [var kind, ..] ? kind : "",
            MeetingTitle = meetingTitle,
            Name = Field("name"),
            Unit = Field("unit"),
            Post = Field("post"),
            Areas = Field("areas"),
            Opinions = Field("opinions"),
            Talks = Field("talks"),
            Studied = Field("studied"),
            Findings = findingsAsked ? Field("findings") : null,
            Aspects = Aspects(bank, state, context, gaps),
            Causes = Causes(bank, state, context, gaps),
            MeasureGroups = MeasureGroups(bank, state, gaps),
            Gaps = gaps,
        };
    }

    private static List<DraftAspect> Aspects(QuestionBank bank, DialogState state, ConversationContext context, List<DraftGap> gaps)
    {
        var aspects = new List<DraftAspect>();
        foreach (var section in bank.Sections.Where(s => s.Aspect is not null))
        {
            var problemsStep = section.Steps.FirstOrDefault(s => s.Role == "problems");
            var examplesStep = section.Steps.FirstOrDefault(s => s.Role == "examples");
            if (problemsStep is null)
            {
                continue;
            }

            var problems = state.SelectedOptions(problemsStep.Id).Select(id =>
            {
                var label = DraftText.Clean(QuestionPlan.ItemLabel(problemsStep, id, state, context));
                var option = problemsStep.FindOption(id);
                var example = examplesStep is null ? null : state.Answers.GetValueOrDefault(QuestionInstance.ItemKey(examplesStep.Id, id));
                var field = new DraftField(example is { Gap: false, Text: { } text } ? DraftText.Clean(text) : null, examplesStep?.Gap ?? section.Title);
                if (field.Missing)
                {
                    gaps.Add(new DraftGap(section.Title, label, field.Gap));
                }

                return new DraftProblem(option?.Statement ?? label, option?.Detail, field);
            }).ToArray();
            if (problems.Length > 0)
            {
                aspects.Add(new DraftAspect(section.Title, problems));
            }
        }

        return aspects;
    }

    private static List<DraftCause> Causes(QuestionBank bank, DialogState state, ConversationContext context, List<DraftGap> gaps)
    {
        var step = bank.StepWithRole("causes");
        if (step is null)
        {
            return [];
        }

        var chosen = state.SelectedOptions(step.Id);
        var causes = chosen.Select(id => step.FindOption(id)).OfType<ChoiceOption>()
            .Select(o => new DraftCause(o.Heading ?? o.Label, o.Text ?? "")).ToList();
        if (!state.Answers.ContainsKey(step.Id))
        {
            gaps.Add(new DraftGap(bank.SectionOf(step).Title, null, step.Gap ?? bank.SectionOf(step).Title));
            return causes;
        }

        // Every problem should be explained by at least one chosen cause (docs/domain.md, 原因分析).
        foreach (var problems in bank.Steps.Where(s => s.Role == "problems"))
        {
            foreach (var option in state.SelectedOptions(problems.Id).Select(id => problems.FindOption(id)).OfType<ChoiceOption>())
            {
                if (option.Suggests.Count > 0 && !option.Suggests.Any(chosen.Contains))
                {
                    gaps.Add(new DraftGap(bank.SectionOf(step).Title, option.Label, "")
                    {
                        SuggestedCauses = option.Suggests.Select(s => QuestionPlan.ItemLabel(step, s, state, context)).ToArray(),
                    });
                }
            }
        }

        return causes;
    }

    private static List<DraftMeasureGroup> MeasureGroups(QuestionBank bank, DialogState state, List<DraftGap> gaps)
    {
        var groups = new List<DraftMeasureGroup>();
        foreach (var section in bank.Sections.Where(s => s.Aspect is not null))
        {
            var problems = section.Steps.FirstOrDefault(s => s.Role == "problems");
            if (problems is null || state.SelectedOptions(problems.Id).Count == 0)
            {
                continue;
            }

            var measuresStep = bank.Steps.FirstOrDefault(s => s.Role == "measures" && s.Aspect == section.Aspect);
            var commitmentStep = bank.Steps.FirstOrDefault(s => s.Role == "commitment" && s.Aspect == section.Aspect);
            var measures = measuresStep is null ? [] : state.SelectedOptions(measuresStep.Id)
                .Select(id => measuresStep.FindOption(id)).OfType<ChoiceOption>()
                .Select(o => new DraftMeasure(o.Heading ?? o.Label, o.Text ?? "")).ToArray();
            if (measures.Length == 0 && measuresStep is not null)
            {
                gaps.Add(new DraftGap(bank.SectionOf(measuresStep).Title, section.Title, measuresStep.Gap ?? bank.SectionOf(measuresStep).Title));
            }

            var commitment = commitmentStep is null ? null : state.Answers.GetValueOrDefault(commitmentStep.Id);
            var field = new DraftField(commitment is { Gap: false, Text: { } text } ? DraftText.Clean(text) : null, commitmentStep?.Gap ?? section.Title);
            if (field.Missing && commitmentStep is not null)
            {
                gaps.Add(new DraftGap(bank.SectionOf(commitmentStep).Title, section.Title, field.Gap));
            }

            groups.Add(new DraftMeasureGroup(section.Title, measures, field));
        }

        return groups;
    }
}
