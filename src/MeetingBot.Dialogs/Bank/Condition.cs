namespace MeetingBot.Dialogs.Bank;

/// <summary>When a step is asked. Conditions read the answers given so far and the conversation's context.</summary>
public abstract record Condition
{
    public abstract bool Holds(IAnswerView answers);
}

/// <summary>A multi step has at least one option (or its own wording) chosen.</summary>
public sealed record SelectedCondition(string StepId) : Condition
{
    public override bool Holds(IAnswerView answers) => answers.SelectedOptions(StepId).Count > 0;
}

/// <summary>A choice step's answer is the given option.</summary>
public sealed record EqualsCondition(string StepId, string OptionId) : Condition
{
    public override bool Holds(IAnswerView answers) => answers.SelectedOptions(StepId).Contains(OptionId);
}

/// <summary>
/// The context does not know the fact of the given role (a name the channel did not tell, a post no
/// roster lists), nor holds a list of that name with items.
/// </summary>
public sealed record ContextMissingCondition(string Role) : Condition
{
    public override bool Holds(IAnswerView answers) => answers.Fact(Role) is null && !answers.HasList(Role);
}

/// <summary>The context knows the fact of that role, or holds a list of that name with items (a meeting's findings).</summary>
public sealed record ContextHasCondition(string Name) : Condition
{
    public override bool Holds(IAnswerView answers) => answers.Fact(Name) is not null || answers.HasList(Name);
}

public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Holds(IAnswerView answers) => Conditions.Any(c => c.Holds(answers));
}

public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Holds(IAnswerView answers) => Conditions.All(c => c.Holds(answers));
}

/// <summary>What conditions may look at: the answers, and the facts the conversation's context holds.</summary>
public interface IAnswerView
{
    IReadOnlyList<string> SelectedOptions(string stepId);

    /// <summary>The context's fact of a role; null when unknown or empty.</summary>
    string? Fact(string role);

    /// <summary>Whether the context holds a list of that name with at least one item.</summary>
    bool HasList(string name);
}
