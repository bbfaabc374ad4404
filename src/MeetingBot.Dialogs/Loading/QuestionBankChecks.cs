using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Loading;

/// <summary>Cross-reference checks that need the whole bank: ids, references, roles and kinds.</summary>
internal static class QuestionBankChecks
{
    private static readonly HashSet<string> Roles =
    [
        "meeting_kind", "year", "inspection_group", "feedback_notice", "feedback_aspects", "feedback_count",
        "name", "unit", "post", "areas", "opinions", "talks", "studied", "findings", "claims", "claim_showings", "claim_examples", "claim_measures",
        "problems", "statements", "showings", "examples", "causes", "cause_showings", "measures", "commitments", "review",
    ];

    private static readonly string[] MeetingKinds = ["annual", "central_inspection", "local_inspection", "organizational", "special"];

    private static readonly string[] NumberRoles = ["opinions", "talks", "year", "feedback_aspects", "feedback_count"];

    /// <summary>The role of the step each repeating role must repeat for.</summary>
    private static readonly Dictionary<string, string> RepeatsFor = new()
    {
        ["statements"] = "problems",
        ["showings"] = "problems",
        ["examples"] = "problems",
        ["cause_showings"] = "causes",
        ["commitments"] = "measures",
        ["claim_showings"] = "claims",
        ["claim_examples"] = "claims",
        ["claim_measures"] = "claims",
    };

    public static void Run(QuestionBank bank, string file, List<string> problems)
    {
        void Problem(Step step, string message) => problems.Add($"{file}:{step.Line}: step '{step.Id}': {message}");

        foreach (var duplicate in bank.Sections.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"{file}: section id '{duplicate.Key}' is used more than once");
        }

        var seen = new Dictionary<string, Step>(StringComparer.Ordinal);
        foreach (var step in bank.Steps)
        {
            if (!seen.TryAdd(step.Id, step))
            {
                Problem(step, "the id is used more than once");
            }

            CheckShape(bank, step, Problem);
            CheckReferences(bank, step, seen, Problem);
        }

        var aspects = bank.Aspects.ToHashSet();
        foreach (var step in bank.Steps)
        {
            CheckRole(bank, step, aspects, Problem);
        }

        // A bank that writes a material ends with its review; a bank of another dialog (创建会议) may have none.
        var reviews = bank.Steps.Count(s => s.Kind == StepKind.Review);
        var needsReview = bank.Steps.Any(s => s.Role == "problems");
        if (reviews > 1 || (reviews == 1 && bank.Steps[^1].Kind != StepKind.Review) || (needsReview && reviews == 0))
        {
            problems.Add($"{file}: a review step comes last and only once, and a bank with problems steps (a material) has one");
        }
    }

    private static void CheckShape(QuestionBank bank, Step step, Action<Step, string> problem)
    {
        var hasChoices = step.Kind is StepKind.Choice or StepKind.Multi;
        if (hasChoices && step.Options.Count == 0 && step.OptionsFrom is null)
        {
            problem(step, $"a {step.Kind.ToString().ToLowerInvariant()} step needs options or options_from");
        }

        if (step.OptionsFrom is not null && (step.Options.Count > 0 || step.SuggestFrom.Count > 0))
        {
            problem(step, "a step with options_from takes its options from the context: no options or suggest_from of its own");
        }

        if (!hasChoices && (step.Options.Count > 0 || step.OptionsFrom is not null || step.Other is not null || step.SuggestFrom.Count > 0))
        {
            problem(step, "only choice and multi steps take options, options_from, other or suggest_from");
        }

        if (step.Kind == StepKind.Choice && step.Other is not null)
        {
            problem(step, "'other' belongs to multi steps");
        }

        foreach (var duplicate in step.Options.GroupBy(o => o.Id).Where(g => g.Count() > 1))
        {
            problem(step, $"option id '{duplicate.Key}' is used more than once");
        }

        foreach (var duplicate in step.Options.Select(o => o.Label).Append(step.Other?.Label).OfType<string>().GroupBy(l => l).Where(g => g.Count() > 1))
        {
            problem(step, $"option label '{duplicate.Key}' is used more than once");
        }

        if (step.Options.Any(o => o.Id == OtherOption.Id))
        {
            problem(step, $"option id '{OtherOption.Id}' is reserved for the 'other' choice");
        }

        if (step.Validate is not null && !bank.Validators.ContainsKey(step.Validate))
        {
            problem(step, $"validator '{step.Validate}' is not defined in {QuestionBankLoader.ValidatorsFile}");
        }

        if (step.Validate is not null && step.RetryPrompt is null)
        {
            problem(step, "a validated step needs a retry_prompt");
        }

        if (step.Validate is not null && step.Kind != StepKind.Text)
        {
            problem(step, "only text steps are validated");
        }

        if (step.Min > step.Options.Count + (step.Other is null ? 0 : 1) && hasChoices && step.OptionsFrom is null)
        {
            problem(step, "'min' is larger than the number of options");
        }
    }

    private static void CheckReferences(QuestionBank bank, Step step, Dictionary<string, Step> earlier, Action<Step, string> problem)
    {
        if (step.ForEach is not null && (!earlier.TryGetValue(step.ForEach, out var source) || source.Kind != StepKind.Multi))
        {
            problem(step, $"for_each must name an earlier multi step, not '{step.ForEach}'");
        }

        foreach (var from in step.SuggestFrom)
        {
            if (!earlier.TryGetValue(from, out var suggesting) || suggesting.Kind != StepKind.Multi)
            {
                problem(step, $"suggest_from must name earlier multi steps, not '{from}'");
            }
        }

        // An option may suggest options of several steps (a problem: causes and measures); each id
        // must be an option of some step that takes suggestions from it.
        var takers = bank.Steps.Where(s => s.SuggestFrom.Contains(step.Id)).ToArray();
        foreach (var missing in step.Options.SelectMany(o => o.Suggests).Where(id => !takers.Any(t => t.FindOption(id) is not null)).Distinct())
        {
            problem(step, $"suggests '{missing}', which is not an option of any step that takes suggestions from '{step.Id}'");
        }

        if (step.Offer is not null && (step.Offer != "statement" || step.Kind != StepKind.Text || step.ForEach is null))
        {
            problem(step, "'offer: statement' belongs to a text step repeated for_each a multi step");
        }

        foreach (var condition in Flatten(step.When))
        {
            var (target, option) = condition switch
            {
                SelectedCondition s => (s.StepId, null),
                EqualsCondition e => (e.StepId, e.OptionId),
                _ => ((string?)null, (string?)null),
            };
            if (target is null)
            {
                continue;
            }

            if (!earlier.TryGetValue(target, out var referenced) || referenced == step)
            {
                problem(step, $"'when' must refer to an earlier step, not '{target}'");
            }
            else if (option is not null && referenced.FindOption(option) is null)
            {
                problem(step, $"'when' refers to option '{option}', which step '{target}' does not have");
            }
        }
    }

    private static void CheckRole(QuestionBank bank, Step step, HashSet<string> aspects, Action<Step, string> problem)
    {
        if (step.Role is null)
        {
            return;
        }

        if (!Roles.Contains(step.Role))
        {
            problem(step, $"unknown role '{step.Role}'");
            return;
        }

        var section = bank.SectionOf(step);
        switch (step.Role)
        {
            case "meeting_kind" when step.Kind != StepKind.Choice || MeetingKinds.Any(k => step.FindOption(k) is null):
                problem(step, $"the meeting_kind step must be a choice with options {string.Join(", ", MeetingKinds)}");
                break;
            case "problems" when step.Kind != StepKind.Multi || section.Aspect is null:
                problem(step, "a problems step must be a multi step in a section with an aspect");
                break;
            case "statements" or "showings" or "examples" or "cause_showings" or "commitments" or "claim_showings" or "claim_examples" or "claim_measures"
                when step.ForEach is null || bank.StepsById.GetValueOrDefault(step.ForEach)?.Role != RepeatsFor[step.Role]:
                problem(step, $"a {step.Role} step must repeat for_each a {RepeatsFor[step.Role]} step");
                break;
            case "claims" when step.Kind != StepKind.Multi || step.OptionsFrom is null:
                problem(step, "the claims step must be a multi step with options_from (the meeting's findings)");
                break;
            case "causes" when step.Kind != StepKind.Multi:
                problem(step, "the causes step must be a multi step");
                break;
            case "measures" when step.Aspect is null || !aspects.Contains(step.Aspect):
                problem(step, $"a {step.Role} step needs 'aspect' naming one of: {string.Join(", ", aspects)}");
                break;
            case var role when NumberRoles.Contains(role) && step.Kind != StepKind.Number:
                problem(step, $"the {step.Role} step must be a number step");
                break;
        }
    }

    private static IEnumerable<Condition> Flatten(Condition? condition) => condition switch
    {
        null => [],
        AnyCondition any => any.Conditions.SelectMany(Flatten),
        AllCondition all => all.Conditions.SelectMany(Flatten),
        _ => [condition],
    };
}
