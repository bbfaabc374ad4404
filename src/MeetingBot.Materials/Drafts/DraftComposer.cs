using System.Globalization;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;

namespace MeetingBot.Materials.Drafts;

/// <summary>
/// Turns a cadre's answers into the <see cref="DraftModel"/> of their 对照检查材料. It reads steps
/// by role (see dialogs/README.md), so questions can be reworded without touching code, and it
/// never adds a fact: every sentence about the cadre is an answer of theirs (or a suggested
/// sentence they kept), and what is not answered becomes a gap.
/// </summary>
public sealed class DraftComposer(QuestionBankCatalog catalog)
{
    /// <summary>
    /// Roles whose fact the context may supply when the cadre was not asked (a name the channel told,
    /// a roster's post, how many aspects and findings a meeting's inspection fed back).
    /// </summary>
    private static readonly string[] ContextRoles = ["name", "unit", "post", "areas", "feedback_aspects", "feedback_count"];

    public DraftModel Compose(DialogState state, ConversationContext context)
    {
        var bank = catalog.BankOf(state);
        var answers = new Answers(bank, state, context);
        var plan = QuestionPlan.Expand(bank, new AnswerView(state, context));
        var asked = plan.Select(q => q.Step).ToHashSet();
        var gaps = new List<DraftGap>();

        DraftField Field(string role)
        {
            var step = bank.StepWithRole(role);
            var value = step is null ? null : answers.Value(step, step.Id);
            if (value is null && ContextRoles.Contains(role) && context.Fact(role) is { } fact)
            {
                value = DraftText.Clean(fact);
            }

            var field = new DraftField(value, step?.Gap ?? (step is null ? role : bank.SectionOf(step).Title));
            if (field.Missing && step is not null && asked.Contains(step))
            {
                gaps.Add(new DraftGap(bank.SectionOf(step).Title, null, field.Gap));
            }

            return field;
        }

        DraftField? IfAsked(string role) => bank.StepWithRole(role) is { } step && asked.Contains(step) ? Field(role) : null;

        var meetingKindStep = bank.StepWithRole("meeting_kind");
        var group = IfAsked("inspection_group");
        var aspects = Aspects(bank, answers, context, gaps);
        return new DraftModel
        {
            MeetingKind = meetingKindStep is null ? "" : answers.Selected(meetingKindStep) is [var kind, ..] ? kind : "",
            MeetingTitle = Field("meeting_kind"),
            Year = IfAsked("year"),
            Inspection = group is null ? null : new DraftInspection(group, Field("feedback_notice"), Field("feedback_aspects"), Field("feedback_count")),
            Name = Field("name"),
            Unit = Field("unit"),
            Post = Field("post"),
            Areas = Field("areas"),
            Opinions = Field("opinions"),
            Talks = Field("talks"),
            Studied = Field("studied"),
            Findings = IfAsked("findings"),
            Claims = Claims(bank, answers, context, gaps),
            Aspects = aspects,
            Causes = Causes(bank, answers, aspects, gaps),
            MeasureGroups = MeasureGroups(bank, answers, context, gaps),
            Date = AnswerParser.FormatDate(context.Today),
            Gaps = gaps,
        };
    }

    private static List<DraftAspect> Aspects(QuestionBank bank, Answers answers, ConversationContext context, List<DraftGap> gaps)
    {
        var aspects = new List<(string Title, bool IsHeading, List<DraftProblem> Problems)>();
        foreach (var section in bank.Sections.Where(s => s.Aspect is not null))
        {
            if (section.Steps.FirstOrDefault(s => s.Role == "problems") is not { } problemsStep)
            {
                continue;
            }

            var problems = answers.Selected(problemsStep).Select(id =>
            {
                var label = answers.Label(problemsStep, id);
                DraftField Part(string role) => answers.ItemField(section.Steps.FirstOrDefault(s => s.Role == role), id, section.Title, label, gaps);

                // The cadre's own wording under 其他 is the statement itself.
                return id == OtherOption.Id
                    ? new DraftProblem(null, label, new DraftField(label, section.Title), Part("showings"), Part("examples"))
                    : new DraftProblem($"{section.Aspect}/{id}", label, Part("statements"), Part("showings"), Part("examples"));
            }).ToArray();
            if (problems.Length > 0)
            {
                PartOf(aspects, section, context).AddRange(problems);
            }
        }

        if (aspects.Count == 0 && bank.Steps.FirstOrDefault(s => s.Role == "problems") is { } first)
        {
            gaps.Add(new DraftGap(bank.Message(MessageKeys.ProblemsPart), null, bank.SectionOf(first).Title));
        }

        return aspects.Select(a => new DraftAspect(a.Title, a.IsHeading, a.Problems)).ToList();
    }

    /// <summary>
    /// The part of the draft an aspect's items go in: its own, titled by the aspect, or, under a
    /// meeting's theme, its heading's, which aspects mapped to the same heading share.
    /// </summary>
    private static List<T> PartOf<T>(List<(string Title, bool IsHeading, List<T> Items)> parts, Section section, ConversationContext context)
    {
        var heading = context.Headings.GetValueOrDefault(section.Aspect!);
        var title = heading ?? section.Title;
        var index = parts.FindIndex(p => p.IsHeading == heading is not null && p.Title == title);
        if (index < 0)
        {
            parts.Add((title, heading is not null, []));
            index = parts.Count - 1;
        }

        return parts[index].Items;
    }

    /// <summary>The findings the cadre took up, in the meeting's order, each with its showing, example and measure.</summary>
    private static List<DraftClaim> Claims(QuestionBank bank, Answers answers, ConversationContext context, List<DraftGap> gaps)
    {
        if (bank.StepWithRole("claims") is not { OptionsFrom: { } list } step)
        {
            return [];
        }

        var title = bank.SectionOf(step).Title;
        var chosen = answers.Selected(step);
        return context.List(list).Where(f => chosen.Contains(f.Id)).Select(finding =>
        {
            var text = DraftText.Clean(finding.Label);
            DraftField Part(string role) => answers.ItemField(bank.StepWithRole(role), finding.Id, title, text, gaps);
            return new DraftClaim(finding.Id, text, Part("claim_showings"), Part("claim_examples"), Part("claim_measures"));
        }).ToList();
    }

    private static List<DraftCause> Causes(QuestionBank bank, Answers answers, List<DraftAspect> aspects, List<DraftGap> gaps)
    {
        if (bank.StepWithRole("causes") is not { } step)
        {
            return [];
        }

        var title = bank.SectionOf(step).Title;
        var chosen = answers.Selected(step);
        var showings = bank.StepWithRole("cause_showings");
        var problems = bank.Steps.Where(s => s.Role == "problems")
            .SelectMany(p => answers.Selected(p).Select(id => (Option: p.FindOption(id), Label: answers.Label(p, id))))
            .ToArray();
        var causes = chosen.Select(id => step.FindOption(id)).OfType<ChoiceOption>().Select(option => new DraftCause(
            option.Heading ?? option.Label,
            answers.ItemField(showings, option.Id, title, option.Label, gaps),
            problems.Where(p => p.Option?.Suggests.Contains(option.Id) == true).Select(p => p.Label).ToArray())).ToList();
        if (causes.Count == 0 && aspects.Count > 0)
        {
            gaps.Add(new DraftGap(title, null, step.Gap ?? title));
        }

        // Every problem should be explained by at least one chosen cause (docs/domain.md, 原因分析).
        foreach (var (option, label) in problems)
        {
            if (option is { Suggests.Count: > 0 } && !option.Suggests.Any(chosen.Contains) && option.Suggests.Any(s => step.FindOption(s) is not null))
            {
                gaps.Add(new DraftGap(title, label, "") { SuggestedCauses = option.Suggests.Select(s => step.FindOption(s)?.Label).OfType<string>().ToArray() });
            }
        }

        return causes;
    }

    private static List<DraftMeasureGroup> MeasureGroups(QuestionBank bank, Answers answers, ConversationContext context, List<DraftGap> gaps)
    {
        var groups = new List<(string Title, bool IsHeading, List<DraftMeasure> Measures)>();
        foreach (var section in bank.Sections.Where(s => s.Aspect is not null))
        {
            var problems = section.Steps.FirstOrDefault(s => s.Role == "problems");
            var measuresStep = bank.Steps.FirstOrDefault(s => s.Role == "measures" && s.Aspect == section.Aspect);
            if (problems is null || measuresStep is null || answers.Selected(problems).Count == 0)
            {
                continue;
            }

            var title = bank.SectionOf(measuresStep).Title;
            var commitments = bank.Steps.FirstOrDefault(s => s.Role == "commitments" && s.ForEach == measuresStep.Id);
            var measures = answers.Selected(measuresStep).Select(id => measuresStep.FindOption(id)).OfType<ChoiceOption>()
                .Select(o => new DraftMeasure(o.Heading ?? o.Label, answers.ItemField(commitments, o.Id, title, o.Label, gaps)))
                .ToArray();
            if (measures.Length == 0)
            {
                gaps.Add(new DraftGap(title, section.Title, measuresStep.Gap ?? title));
            }

            PartOf(groups, section, context).AddRange(measures);
        }

        return groups.Select(g => new DraftMeasureGroup(g.Title, g.IsHeading, g.Measures)).ToList();
    }

    /// <summary>The answers of one state, as the draft reads them.</summary>
    private sealed class Answers(QuestionBank bank, DialogState state, ConversationContext context)
    {
        /// <summary>The options chosen, by the cadre or, for a step the context answers (a meeting's kind), by the context.</summary>
        public IReadOnlyList<string> Selected(Step step) => new AnswerView(state, context).SelectedOptions(step.Id);

        public string Label(Step step, string id) => DraftText.Clean(QuestionPlan.ItemLabel(step, id, state, context));

        /// <summary>The text of an answer in the draft: numbers and dates written out, the cadre's text cleaned, a choice by its label.</summary>
        public string? Value(Step step, string key) => state.Answers.GetValueOrDefault(key) switch
        {
            null when key == step.Id && context.Choices.GetValueOrDefault(step.Id) is [var chosen, ..] => Label(step, chosen),
            null or { Skipped: true } => null,
            { Number: { } n } => n.ToString(CultureInfo.InvariantCulture),
            { Date: { } d } => AnswerParser.FormatDate(d),
            { Text: { } t } => DraftText.Clean(t),
            { Selected: [var first, ..] } => Label(step, first),
            _ => null,
        };

        /// <summary>
        /// The answer of a step repeated for an item. Missing, it is a gap; kept although its check
        /// failed twice (a vague example), it stays in the draft and is listed as a gap to improve.
        /// </summary>
        public DraftField ItemField(Step? step, string itemId, string section, string label, List<DraftGap> gaps)
        {
            if (step is null)
            {
                return new DraftField(null, section);
            }

            var key = QuestionInstance.ItemKey(step.Id, itemId);
            var field = new DraftField(Value(step, key), step.Gap ?? bank.SectionOf(step).Title);
            if (field.Missing || state.Answers.GetValueOrDefault(key)?.Gap == true)
            {
                gaps.Add(new DraftGap(section, label, field.Gap) { Vague = !field.Missing });
            }

            return field;
        }
    }
}
